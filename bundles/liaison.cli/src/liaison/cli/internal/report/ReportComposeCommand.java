package liaison.cli.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.report.Report;
import liaison.api.report.Reporter;
import liaison.api.report.Tlp;
import liaison.cli.internal.CliContext;
import liaison.mail.Outbox;
import liaison.pgp.KeyInfo;
import liaison.pgp.PgpService;
import liaison.report.ComposeOptions;
import liaison.report.ComposedReport;
import liaison.report.GroupBy;
import liaison.report.Grouping;
import liaison.report.IntelMqEvent;
import liaison.report.LintFinding;
import liaison.report.ReportComposer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code liaison report compose --events FILE --format text|xarf|arf|iodef [--sign] [--encrypt]
 * [--group-by contact|source] [--out DIR]}: with {@code --out}, one RFC 5322 message per report is
 * written to DIR and nothing is queued; without it, the messages are queued in the outbox for
 * {@code liaison report send}.
 */
@Command(name = "compose", description = { "Compose reports from IntelMQ events (JSON Lines).",
        "With --out DIR: write DIR/<ticket>.eml and queue nothing; without: queue them in the outbox." })
public class ReportComposeCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "IntelMQ events, one JSON object per line.")
    Path events;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "text, xarf, arf, iodef (or an installed format, e.g. markdown).")
    String format;

    @Option(names = "--sign", description = "Sign with our key (PGP/MIME).")
    boolean sign;

    @Option(names = "--encrypt", description = "Encrypt to each recipient's key (sensitive reports).")
    boolean encrypt;

    @Option(names = "--group-by", paramLabel = "contact|source", defaultValue = "contact",
            description = "One report per contact and incident type (default), or per source address.")
    String groupBy;

    @Option(names = "--out", paramLabel = "DIR", description = "Write one .eml per report here instead of queueing.")
    Path out;

    @Option(names = "--csv", description = "Attach the evidence as CSV too.")
    boolean csv;

    @Option(names = "--tlp", paramLabel = "LABEL", defaultValue = "AMBER", description = "CLEAR, GREEN, AMBER (default), AMBER_STRICT, RED.")
    Tlp tlp;

    @Option(names = "--team", description = "Our team's name (default: the name on our key).")
    String team;

    @Option(names = "--from", paramLabel = "ADDR", description = "Our address (default: the address on our key).")
    String from;

    @Option(names = "--phone", description = "A phone number for the receiver.")
    String phone;

    @Option(names = "--ticket-prefix", paramLabel = "PREFIX", description = "Prefix of ticket ids (default LIA).")
    String ticketPrefix;

    @Option(names = "--max-addresses", paramLabel = "N", description = "Warn when a report lists more addresses (default 100).")
    int maxAddresses;

    public ReportComposeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        GroupBy grouping = switch (groupBy.toLowerCase(Locale.ROOT)) {
            case "contact" -> GroupBy.CONTACT;
            case "source" -> GroupBy.SOURCE;
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--group-by is contact or source, not " + groupBy);
        };
        ReportComposer composer = context.service(ReportComposer.class);
        // Keys live in the workspace; waiting for this workspace's PGP service also lets the composer bind it.
        Optional<KeyInfo> key = WorkspaceServices.get(context, PgpService.class).ownKey();
        String address = from != null ? from : key.map(KeyInfo::email).orElseThrow(() -> new LiaisonException(
                "no sender address: generate our key ('liaison pgp generate') or give --from"));
        Reporter reporter = new Reporter(team != null ? team : key.map(KeyInfo::name).orElse(address),
                key.map(KeyInfo::name).orElse(null), address, phone, key.map(KeyInfo::fingerprint).orElse(null));
        ComposeOptions options = new ComposeOptions(format, grouping, sign, encrypt, csv, tlp, reporter, ticketPrefix, maxAddresses);

        List<IntelMqEvent> read;
        try (InputStream in = Files.newInputStream(events)) {
            read = composer.readEvents(events.toString(), in);
        } catch (IOException e) {
            throw new InputException(events.toString(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
        Grouping grouped = composer.group(read, options);
        // Every report is composed before any is written or queued: a format that fails leaves nothing half done.
        List<ComposedReport> composed = new ArrayList<>();
        for (Report r : grouped.reports()) {
            composed.add(composer.compose(r, options));
        }
        Outbox outbox = out == null ? WorkspaceServices.get(context, Outbox.class) : null;
        if (out != null) {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new LiaisonException("cannot create " + out + ": " + e.getMessage(), e);
            }
        }
        for (ComposedReport c : composed) {
            String where;
            if (out != null) {
                Path file = out.resolve(c.report().ticketId() + ".eml");
                try {
                    Files.write(file, c.message().mime());
                } catch (IOException e) {
                    throw new LiaisonException("cannot write " + file + ": " + e.getMessage(), e);
                }
                where = file.toString();
            } else {
                outbox.enqueue(c.message());
                where = "outbox";
            }
            print(c, where);
        }
        for (Grouping.Unrouted u : grouped.unrouted()) {
            if (context.json()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("skipped", u.event().where());
                o.put("reason", u.reason());
                context.emitJson(o);
            } else {
                context.out().println("skipped " + u.event().where() + ": " + u.reason());
            }
        }
        if (grouped.reports().isEmpty()) {
            throw new LiaisonException(read.isEmpty() ? events + " holds no events" : "no report: every event was skipped");
        }
        return 0;
    }

    private void print(ComposedReport c, String where) {
        Report r = c.report();
        if (context.json()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("ticket", r.ticketId());
            o.put("messageId", c.message().messageId());
            o.put("format", c.format());
            o.put("type", r.type().type());
            o.put("recipients", r.recipients());
            o.put("events", r.evidence().size());
            o.put(out != null ? "file" : "queued", where);
            o.put("findings", c.findings().stream().map(f -> Map.of("severity", f.severity().name().toLowerCase(Locale.ROOT),
                    "code", f.code(), "message", f.message())).toList());
            context.emitJson(o);
            return;
        }
        context.out().printf("%s  %-5s %-16s %3d event(s) to %s -> %s%n", r.ticketId(), c.format(), r.type().type(),
                r.evidence().size(), String.join(", ", r.recipients()), where);
        for (LintFinding f : c.findings()) {
            context.out().printf("    %s %s: %s%n", f.severity().name().toLowerCase(Locale.ROOT), f.code(), f.message());
        }
    }
}
