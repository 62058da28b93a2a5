package liaison.cli.internal.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.mail.ContactStats;
import liaison.mail.Delivery;
import liaison.mail.Outbox;
import liaison.mail.OutboxEntry;
import picocli.CommandLine.Command;

/** {@code liaison report status [--json]}: the outbox and how each contact answers. */
@Command(name = "status", description = { "Show the outbox and, per contact, reports sent, replies by kind and time to first reply.",
        "With --json: one object per message (\"kind\":\"message\", with its \"deliveries\" per recipient)",
        "and per contact (\"kind\":\"contact\")." })
public class ReportStatusCommand implements Callable<Integer> {

    private final CliContext context;

    public ReportStatusCommand(CliContext context) {
        this.context = context;
    }

    static Map<String, Object> json(Delivery d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("recipient", d.recipient());
        o.put("transport", d.transport());
        o.put("state", d.state().name().toLowerCase());
        o.put("sentAt", d.sentAt() == null ? null : d.sentAt().toString());
        o.put("attempts", d.attempts());
        o.put("lastError", d.lastError());
        o.put("receipt", d.receipt());
        return o;
    }

    @Override
    public Integer call() throws LiaisonException {
        Outbox outbox = WorkspaceServices.get(context, Outbox.class);
        var entries = outbox.entries();
        var stats = outbox.stats();
        if (context.json()) {
            for (OutboxEntry e : entries) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("kind", "message");
                o.put("ticket", e.ticketId());
                o.put("messageId", e.messageId());
                o.put("state", e.state().name().toLowerCase());
                o.put("recipients", e.recipients());
                o.put("subject", e.subject());
                o.put("queuedAt", e.queuedAt().toString());
                o.put("sentAt", e.sentAt() == null ? null : e.sentAt().toString());
                o.put("attempts", e.attempts());
                o.put("lastError", e.lastError());
                o.put("deliveries", e.deliveries().stream().map(ReportStatusCommand::json).toList());
                context.emitJson(o);
            }
            for (ContactStats s : stats) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("kind", "contact");
                o.put("contact", s.contact());
                o.put("sent", s.sent());
                o.put("replies", s.replies().entrySet().stream()
                        .collect(Collectors.toMap(r -> r.getKey().name().toLowerCase(), Map.Entry::getValue)));
                o.put("answered", s.answered());
                o.put("medianFirstReplySeconds", s.medianFirstReply() == null ? null : s.medianFirstReply().toSeconds());
                context.emitJson(o);
            }
            return 0;
        }
        var out = context.out();
        out.printf("%d message(s) in the outbox%n", entries.size());
        for (OutboxEntry e : entries) {
            out.printf("  %-20s %-9s %-40s %s%s%n", e.ticketId(), e.state().name().toLowerCase(), String.join(", ", e.recipients()),
                    e.sentAt() != null ? "sent " + e.sentAt() : "queued " + e.queuedAt(),
                    e.lastError() == null ? "" : "  (" + e.lastError() + ")");
            // Each recipient on its own line once they can differ: several recipients, or one through another transport.
            if (e.deliveries().size() > 1 || e.deliveries().stream().anyMatch(d -> d.transport() != null && !d.transport().equals("smtp"))) {
                for (Delivery d : e.deliveries()) {
                    out.printf("      -> %-40s %-9s %s%s%n", d.recipient(), d.state().name().toLowerCase(),
                            d.transport() == null ? "" : "via " + d.transport(), d.receipt() == null ? "" : "  " + d.receipt());
                }
            }
        }
        if (!stats.isEmpty()) {
            out.println("per contact: sent, answered, replies by kind, median time to first reply");
            for (ContactStats s : stats) {
                out.printf("  %-40s %3d %3d  %-40s %s%n", s.contact(), s.sent(), s.answered(), s.replies().entrySet().stream()
                        .map(r -> r.getKey().name().toLowerCase() + " " + r.getValue()).collect(Collectors.joining(", ")),
                        s.medianFirstReply() == null ? "-" : s.medianFirstReply().toString());
            }
        }
        return 0;
    }
}
