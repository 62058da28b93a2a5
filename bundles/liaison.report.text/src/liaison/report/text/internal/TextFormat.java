package liaison.report.text.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.model.Resource;
import liaison.api.report.Evidence;
import liaison.api.report.RenderedReport;
import liaison.api.report.Report;
import liaison.api.report.ReportFormat;
import liaison.report.ReportTexts;
import liaison.store.Workspace;

/**
 * Plain text reports from templates. A team edits {@code <workspace>/templates/text/<type>.txt}
 * (e.g. {@code brute-force.txt}) or {@code default.txt} there; without one the built-in template is
 * used. Edited templates are picked up on the next report (the file's modification time is checked).
 */
@Component(service = ReportFormat.class)
public class TextFormat implements ReportFormat {

    /** Directory of user templates inside the workspace. */
    public static final String TEMPLATE_DIR = "templates/text";

    private final Template builtIn;
    private final Map<Path, Loaded> cache = new ConcurrentHashMap<>();
    private volatile Path templates;

    private record Loaded(FileTime modified, Template template) {
    }

    public TextFormat() {
        this((Path) null);
    }

    /** Outside OSGi: user templates in the directory, or only the built-in one when null. */
    public TextFormat(Path templateDirectory) {
        try (InputStream in = TextFormat.class.getResourceAsStream("default.txt")) {
            builtIn = Template.parse("built-in template", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | InputException | NullPointerException e) {
            throw new IllegalStateException("the built-in text template is missing or broken", e);
        }
        templates = templateDirectory;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindWorkspace(Workspace workspace) {
        templates = workspace.resolve(TEMPLATE_DIR);
    }

    void unbindWorkspace(Workspace workspace) {
        templates = null;
    }

    @Override
    public String id() {
        return "text";
    }

    @Override
    public String displayName() {
        return "Plain text";
    }

    @Override
    public RenderedReport render(Report report) throws LiaisonException {
        Template template = template(report.type().type());
        Map<String, String> values = new HashMap<>();
        values.put("ticket", report.ticketId());
        values.put("type", report.type().type());
        values.put("taxonomy", report.type().taxonomy() == null ? "" : report.type().taxonomy());
        values.put("description", report.description());
        values.put("action", report.requestedAction());
        values.put("tlp", report.tlp().label());
        values.put("count", Integer.toString(report.evidence().size()));
        values.put("created", report.created().toString());
        values.put("recipients", String.join(", ", report.recipients()));
        values.put("resources", String.join(", ", report.resources().stream().map(Resource::text).toList()));
        values.put("team", report.reporter().team());
        values.put("reporter.name", report.reporter().name());
        values.put("reporter.email", report.reporter().email());
        values.put("reporter.phone", report.reporter().phone());
        values.put("reporter.fingerprint", report.reporter().pgpFingerprint());
        values.put("signature", ReportTexts.signature(report).stripTrailing());
        List<Function<String, String>> evidence = new ArrayList<>(report.evidence().size());
        for (Evidence e : report.evidence()) {
            Map<String, String> v = new LinkedHashMap<>(e.attributes());
            v.put("time.utc", ReportTexts.utc(e));
            v.put("time.original", ReportTexts.original(e));
            v.put("source", ReportTexts.endpoint(e.attributes(), "source"));
            v.put("destination", ReportTexts.endpoint(e.attributes(), "destination"));
            v.put("line", e.line() == null ? "(no raw log line)" : e.line());
            evidence.add(v::get);
        }
        String subject = template.subject(values::get);
        String body = template.body(values::get, evidence);
        return new RenderedReport(subject, "multipart/mixed",
                List.of(new RenderedReport.Part("text/plain; charset=UTF-8", null, body.getBytes(StandardCharsets.UTF_8))));
    }

    /** The user's template for the type, else the user's default, else the built-in one. */
    private Template template(String type) throws LiaisonException {
        Path dir = templates;
        if (dir != null) {
            for (Path candidate : List.of(dir.resolve(type + ".txt"), dir.resolve("default.txt"))) {
                if (Files.isRegularFile(candidate)) {
                    return load(candidate);
                }
            }
        }
        return builtIn;
    }

    private Template load(Path file) throws LiaisonException {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Loaded cached = cache.get(file);
            if (cached != null && cached.modified().equals(modified)) {
                return cached.template();
            }
            Template t = Template.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            cache.put(file, new Loaded(modified, t));
            return t;
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, 0, "cannot read the template: " + e.getMessage(), e);
        }
    }
}
