package liaison.report.internal;

import java.io.InputStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import liaison.api.LiaisonException;
import liaison.api.report.RenderedReport;
import liaison.api.report.Report;
import liaison.api.report.ReportFormat;
import liaison.api.resolve.ContactResolver;
import liaison.isolation.Extensions;
import liaison.pgp.PgpService;
import liaison.report.ComposeOptions;
import liaison.report.ComposedReport;
import liaison.report.Grouping;
import liaison.report.IntelMqEvent;
import liaison.report.LintFinding;
import liaison.report.ReportComposer;

/**
 * The composer. Formats come and go as bundles do; PGP needs a workspace (keys live there) and the
 * contact resolver is optional, so both are dynamic: previews work before a workspace is chosen.
 */
@Component(service = ReportComposer.class)
public class Composer implements ReportComposer {

    private final List<ReportFormat> formats = new CopyOnWriteArrayList<>();
    private final Incidents incidents = new Incidents();
    private final Grouper grouper = new Grouper(incidents, new TicketIds());
    private final Linter linter = new Linter();
    /** Rendering is pure and takes milliseconds; a format still busy after this is stuck. */
    private Duration renderTimeout = Duration.ofSeconds(30);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PgpService pgp;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContactResolver resolver;

    public Composer() {
    }

    /** Outside OSGi (benchmarks): the given formats and PGP service, no resolver. */
    public Composer(List<ReportFormat> formats, PgpService pgp) {
        this.formats.addAll(formats);
        this.pgp = pgp;
    }

    /** For tests: the given formats, no PGP, no resolver, and a shorter deadline for rendering. */
    Composer(List<ReportFormat> formats, Duration renderTimeout) {
        this(formats, (PgpService) null);
        this.renderTimeout = renderTimeout;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFormat(ReportFormat format) {
        formats.add(format);
    }

    void removeFormat(ReportFormat format) {
        formats.remove(format);
    }

    @Override
    public List<IntelMqEvent> readEvents(String inputName, InputStream jsonLines) throws LiaisonException {
        return IntelMqReader.read(inputName, jsonLines);
    }

    @Override
    public Grouping group(List<IntelMqEvent> events, ComposeOptions options) throws LiaisonException {
        return grouper.group(events, options, format(options.format()).oneSourcePerReport(), resolver);
    }

    @Override
    public List<LintFinding> lint(Report report, ComposeOptions options) {
        return linter.lint(report, options);
    }

    @Override
    public RenderedReport render(Report report, String format) throws LiaisonException {
        return render(format(format), report);
    }

    /**
     * Renders through the isolation: a format — Liaison's or a third party's — that throws, hangs or
     * returns something unusable fails this report with the format and its bundle named. (A line
     * break in the subject usually comes from the events, not the format: the message assembler
     * refuses it as header injection.)
     */
    RenderedReport render(ReportFormat format, Report report) throws LiaisonException {
        String what = "format '" + format.id() + "' rendering " + report.ticketId();
        RenderedReport r = Extensions.call(format, what, renderTimeout, () -> format.render(report));
        String broken = r == null ? "returned nothing"
                : r.subject() == null || r.subject().isBlank() ? "returned no subject"
                : r.contentType() == null ? "returned no content type"
                : r.parts().isEmpty() || r.parts().stream().anyMatch(p -> p == null || p.mediaType() == null || p.content() == null)
                        ? "returned no parts or an empty one"
                : null;
        if (broken != null) {
            throw new LiaisonException(what + " " + broken + " (" + Extensions.provider(format) + ")");
        }
        return r;
    }

    @Override
    public ComposedReport compose(Report report, ComposeOptions options) throws LiaisonException {
        RenderedReport rendered = render(format(options.format()), report);
        List<RenderedReport.Part> extra = options.csv() ? List.of(EvidenceCsv.part(report)) : List.of();
        return new ComposedReport(report, options.format(), lint(report, options),
                MessageAssembler.assemble(report, rendered, extra, options.sign(), options.encrypt(), pgp));
    }

    @Override
    public List<ReportFormat> formats() {
        return formats.stream().sorted(Comparator.comparing(ReportFormat::id)).toList();
    }

    private ReportFormat format(String id) throws LiaisonException {
        for (ReportFormat f : formats) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new LiaisonException("unknown report format '" + id + "'; installed: "
                + String.join(", ", formats().stream().map(ReportFormat::id).toList()));
    }
}
