package liaison.report.internal;

import java.io.InputStream;
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
        return format(format).render(report);
    }

    @Override
    public ComposedReport compose(Report report, ComposeOptions options) throws LiaisonException {
        RenderedReport rendered = render(report, options.format());
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
