package liaison.cli.internal.triage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.api.triage.Observation;
import liaison.cli.internal.CliContext;
import liaison.triage.Finding;
import liaison.triage.Triage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liaison triage LOG…}: what do these logs name, how often and when. */
@Command(name = "triage", description = "Extract addresses, names, URLs, e-mail addresses and times from logs "
        + "(syslog/auth.log, Apache/nginx, fail2ban, iptables/ufw, CSV, IntelMQ JSON), deduplicated.")
public class TriageCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Log files, plain or gzip.")
    List<Path> logs;

    @Option(names = "--format", paramLabel = "ID", description = "Read every log in this format instead of recognising it.")
    String format;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "Zone of times logged without one (default: this machine's).")
    ZoneId zone = ZoneId.systemDefault();

    public TriageCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        for (Path log : logs) {
            if (!Files.isReadable(log)) {
                throw new LiaisonException("cannot read " + log);
            }
        }
        ProgressBar bar = new ProgressBar(context.err());
        Triage.Result result = context.service(Triage.class).analyse(logs, format, zone, bar::update);
        bar.done();
        if (context.json()) {
            result.findings().forEach(f -> context.emitJson(json(f)));
        } else {
            var out = context.out();
            out.printf("%-11s %-6s %-45s %7s  %-25s %-25s%n", "ROLE", "KIND", "INDICATOR", "COUNT", "FIRST SEEN", "LAST SEEN");
            for (Finding f : result.findings()) {
                out.printf("%-11s %-6s %-45s %7d  %-25s %-25s%n", f.indicator().role().id(), f.indicator().kind().id(),
                        f.indicator().value(), f.count(), time(f, f.firstSeen()), time(f, f.lastSeen()));
            }
        }
        long sources = result.findings().stream().filter(f -> f.indicator().role() == liaison.api.triage.Indicator.Role.SOURCE).count();
        context.err().printf("triage: %d lines, %d events, %d indicators (%d sources); %s%n", result.lines(), result.observations(),
                result.findings().size(), sources, String.join(", ", result.formats()));
        return 0;
    }

    private static String time(Finding f, java.time.OffsetDateTime t) {
        return t == null ? "-" : t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + (f.zoneKnown() ? "" : "?");
    }

    static Map<String, Object> json(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicator", f.indicator().value());
        m.put("kind", f.indicator().kind().id());
        m.put("role", f.indicator().role().id());
        m.put("count", f.count());
        m.put("first_seen", f.firstSeen() == null ? null : f.firstSeen().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        m.put("last_seen", f.lastSeen() == null ? null : f.lastSeen().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        m.put("zone_known", f.zoneKnown());
        m.put("evidence", f.evidence().stream().limit(3).map(TriageCommand::evidence).toList());
        return m;
    }

    private static Map<String, Object> evidence(Observation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", o.input());
        m.put("line_number", o.lineNumber());
        m.put("format", o.format());
        m.put("line", o.line());
        return m;
    }
}
