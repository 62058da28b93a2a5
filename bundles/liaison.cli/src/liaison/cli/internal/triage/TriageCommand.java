package liaison.cli.internal.triage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.api.report.Reporter;
import liaison.api.report.Tlp;
import liaison.api.triage.Indicator;
import liaison.api.triage.Observation;
import liaison.cli.internal.CliContext;
import liaison.cli.internal.report.WorkspaceServices;
import liaison.pgp.KeyInfo;
import liaison.pgp.PgpService;
import liaison.report.ComposeOptions;
import liaison.report.ComposedReport;
import liaison.report.GroupBy;
import liaison.report.Grouping;
import liaison.report.LintFinding;
import liaison.resolve.Endpoints;
import liaison.resolve.LookupOptions;
import liaison.resolve.ResolvePreferences;
import liaison.resolve.Via;
import liaison.triage.ContactRouting;
import liaison.triage.ContactRouting.Routed;
import liaison.triage.Finding;
import liaison.triage.Triage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code liaison triage LOG…}: what do these logs name, how often and when; who to tell about each
 * source, and the report drafts for them.
 */
@Command(name = "triage", description = { "Extract addresses, names, URLs, e-mail addresses and times from logs",
        "(syslog/auth.log, Apache/nginx, fail2ban, iptables/ufw, CSV, IntelMQ JSON), deduplicated; find who to tell about",
        "each source (resolver, constituency index, directory: upstream by ASN, national CSIRT by country) and group",
        "the evidence by contact into report drafts. --json: one line per finding, then one per draft, then a summary." })
public class TriageCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Log files, plain or gzip.")
    List<Path> logs;

    @Option(names = "--format", paramLabel = "ID", description = "Read every log in this format instead of recognising it.")
    String format;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "Zone of times logged without one (default: this machine's).")
    ZoneId zone = ZoneId.systemDefault();

    @Option(names = "--no-resolve", description = "Only extract: look nobody up, draft no report.")
    boolean noResolve;

    @Option(names = "--endpoints", paramLabel = "FILE", description = "Map whois hosts and RDAP URLs to other addresses (default: the workspace preference).")
    Path endpoints;

    @Option(names = "--bootstrap", paramLabel = "DIR", description = "Read the IANA RDAP bootstrap files from DIR.")
    Path bootstrap;

    @Option(names = "--offline", description = "Answer from the cache and local data only; send no query.")
    boolean offline;

    @Option(names = "--drafts", paramLabel = "DIR", description = "Write each report draft as DIR/<ticket>.eml (nothing is queued or sent).")
    Path drafts;

    @Option(names = "--report-format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), xarf, arf, iodef.")
    String reportFormat;

    @Option(names = "--type", paramLabel = "TAXONOMY/TYPE",
            description = "Incident type of every finding (default: by log format; IntelMQ events keep their own).")
    String type;

    @Option(names = "--sign", description = "Sign the drafts with our key (PGP/MIME).")
    boolean sign;

    @Option(names = "--from", paramLabel = "ADDR", description = "Our address in the drafts (default: the address on our key).")
    String from;

    @Option(names = "--team", description = "Our team's name in the drafts (default: the name on our key).")
    String team;

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
        List<Routed> routed = List.of();
        ContactRouting.Drafts made = null;
        String noDrafts = null;
        if (!noResolve) {
            context.workspace();
            ContactRouting routing = context.service(ContactRouting.class);
            routed = routing.route(result.findings(), lookupOptions(), r -> { });
            Optional<Reporter> reporter = reporter();
            if (reporter.isEmpty()) {
                noDrafts = "no report drafts: generate our key ('liaison pgp generate') or give --from";
            } else if (routed.stream().anyMatch(r -> r.email() != null)) {
                made = routing.draft(routed, new ComposeOptions(reportFormat, GroupBy.CONTACT, sign, false, false, Tlp.AMBER, reporter.get(),
                        null, 0), type);
                writeDrafts(made);
            }
        }
        Map<Finding, Routed> byFinding = new IdentityHashMap<>();
        routed.forEach(r -> r.findings().forEach(f -> byFinding.put(f, r)));
        if (context.json()) {
            result.findings().forEach(f -> context.emitJson(json(f, byFinding.get(f), noResolve)));
            if (made != null) {
                made.reports().forEach(c -> context.emitJson(draftJson(c)));
            }
        } else {
            printText(result, byFinding, made);
        }
        long sources = result.findings().stream().filter(f -> f.indicator().role() == Indicator.Role.SOURCE).count();
        String summary = String.format("triage: %d lines, %d events, %d indicators (%d sources); %s", result.lines(), result.observations(),
                result.findings().size(), sources, String.join(", ", result.formats()));
        if (!noResolve) {
            long contacts = routed.stream().map(Routed::email).filter(e -> e != null).distinct().count();
            long unrouted = routed.stream().filter(r -> r.email() == null).count();
            summary += String.format("; %d sources routed to %d contacts, %d without one; %d report draft(s)%s", routed.size() - unrouted,
                    contacts, unrouted, made == null ? 0 : made.reports().size(), drafts == null || made == null ? "" : " in " + drafts);
        }
        if (context.json()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("summary", summary.substring("triage: ".length()));
            context.emitJson(s);
        }
        context.err().println(summary);
        if (noDrafts != null) {
            context.err().println("triage: " + noDrafts);
        }
        return 0;
    }

    private LookupOptions lookupOptions() throws LiaisonException {
        Path file = endpoints != null ? endpoints : ResolvePreferences.endpointsFile(context.workspace().root()).orElse(null);
        return new LookupOptions(Via.AUTO, offline, file == null ? Endpoints.NONE : Endpoints.load(file), bootstrap, null, null);
    }

    /** Who writes the drafts: the given address and team, else our key's. */
    private Optional<Reporter> reporter() throws LiaisonException {
        Optional<KeyInfo> key = WorkspaceServices.get(context, PgpService.class).ownKey();
        String address = from != null ? from : key.map(KeyInfo::email).orElse(null);
        if (address == null) {
            return Optional.empty();
        }
        return Optional.of(new Reporter(team != null ? team : key.map(KeyInfo::name).orElse(address), key.map(KeyInfo::name).orElse(null),
                address, null, key.map(KeyInfo::fingerprint).orElse(null)));
    }

    private void writeDrafts(ContactRouting.Drafts made) throws LiaisonException {
        if (drafts == null) {
            return;
        }
        try {
            Files.createDirectories(drafts);
            for (ComposedReport c : made.reports()) {
                Files.write(drafts.resolve(c.report().ticketId() + ".eml"), c.message().mime());
            }
        } catch (IOException e) {
            throw new LiaisonException("cannot write the drafts into " + drafts + ": " + e.getMessage(), e);
        }
    }

    private void printText(Triage.Result result, Map<Finding, Routed> byFinding, ContactRouting.Drafts made) {
        var out = context.out();
        out.printf("%-11s %-6s %-45s %7s  %-25s %-25s%s%n", "ROLE", "KIND", "INDICATOR", "COUNT", "FIRST SEEN", "LAST SEEN",
                noResolve ? "" : "  CONTACT");
        for (Finding f : result.findings()) {
            Routed r = byFinding.get(f);
            out.printf("%-11s %-6s %-45s %7d  %-25s %-25s%s%n", f.indicator().role().id(), f.indicator().kind().id(),
                    f.indicator().value(), f.count(), time(f, f.firstSeen()), time(f, f.lastSeen()),
                    noResolve || r == null ? "" : "  " + (r.email() == null ? "-" : r.email()));
        }
        if (noResolve) {
            return;
        }
        out.println();
        out.println("Contacts:");
        Map<String, Routed> bySource = new LinkedHashMap<>();
        byFinding.values().forEach(r -> bySource.putIfAbsent(r.resource().text(), r));
        for (Routed r : bySource.values()) {
            if (r.contact() == null) {
                out.printf("  %-22s nobody to tell: %s%n", r.resource().text(), r.note());
                continue;
            }
            out.printf("  %-22s %s (%s, %s)%n", r.resource().text(), r.email(), r.contact().role().id(), r.route());
            out.printf("  %-22s   %s%n", "", r.contact().pathText());
            if (r.note() != null) {
                out.printf("  %-22s   why: %s%n", "", r.note());
            }
        }
        if (made != null) {
            out.println();
            out.println("Report drafts (one per contact and incident type):");
            for (ComposedReport c : made.reports()) {
                out.printf("  %s  %-16s %3d event(s) to %s%s%n", c.report().ticketId(), c.report().type().type(), c.report().evidence().size(),
                        String.join(", ", c.report().recipients()), drafts == null ? "" : " -> " + drafts.resolve(c.report().ticketId() + ".eml"));
                for (LintFinding l : c.findings()) {
                    out.printf("      %s %s: %s%n", l.severity().name().toLowerCase(Locale.ROOT), l.code(), l.message());
                }
            }
            for (Grouping.Unrouted u : made.unrouted()) {
                out.println("  not reported: " + u.event().where() + ": " + u.reason());
            }
        }
    }

    private static String time(Finding f, java.time.OffsetDateTime t) {
        return t == null ? "-" : t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + (f.zoneKnown() ? "" : "?");
    }

    static Map<String, Object> json(Finding f, Routed r, boolean noResolve) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicator", f.indicator().value());
        m.put("kind", f.indicator().kind().id());
        m.put("role", f.indicator().role().id());
        m.put("count", f.count());
        m.put("first_seen", f.firstSeen() == null ? null : f.firstSeen().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        m.put("last_seen", f.lastSeen() == null ? null : f.lastSeen().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        m.put("zone_known", f.zoneKnown());
        m.put("evidence", f.evidence().stream().limit(3).map(TriageCommand::evidence).toList());
        if (!noResolve) {
            m.put("contact", r == null ? null : contact(r));
        }
        return m;
    }

    private static Map<String, Object> contact(Routed r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resource", r.resource().text());
        m.put("email", r.email());
        m.put("role", r.contact() == null ? null : r.contact().role().id());
        m.put("name", r.contact() == null ? null : r.contact().name());
        m.put("route", r.route());
        m.put("path", r.contact() == null ? null : r.contact().pathText());
        m.put("registry", r.resolution() == null ? null : r.resolution().registry());
        m.put("note", r.note());
        return m;
    }

    private static Map<String, Object> draftJson(ComposedReport c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("draft", c.report().ticketId());
        m.put("recipients", c.report().recipients());
        m.put("type", c.report().type().type());
        m.put("events", c.report().evidence().size());
        m.put("resources", new LinkedHashSet<>(c.report().resources().stream().map(x -> x.text()).toList()));
        m.put("lint", c.findings().stream().map(LintFinding::code).toList());
        m.put("message_id", c.message().messageId());
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
