package liaison.cli.internal.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.mail.MailServer;
import liaison.mail.Outbox;
import liaison.mail.Reply;
import liaison.mail.ReplyTracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liaison report replies [--imap URL]}: fetches new answers, then lists every answer. */
@Command(name = "replies", description = { "Fetch answers to our reports over IMAP (read-only) and list them:",
        "human replies, automatic replies and bounces, matched by In-Reply-To, References or ticket id." })
public class ReportRepliesCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--imap", paramLabel = "URL", description = { "imaps://user@host/INBOX (default $LIAISON_IMAP_URL;",
            "password from the URL or $LIAISON_IMAP_PASSWORD). Without one, only the answers fetched before are listed." })
    String imap;

    public ReportRepliesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        String url = imap != null ? imap : System.getenv("LIAISON_IMAP_URL");
        Outbox outbox = WorkspaceServices.get(context, Outbox.class);
        if (url != null && !url.isBlank()) {
            MailServer server = MailServer.parse(url);
            ReplyTracker.FetchSummary f = WorkspaceServices.get(context, ReplyTracker.class).fetch(server);
            if (!context.json()) {
                context.out().printf("%s: %d new message(s), %d answer(s) recorded, %d unrelated%n", server.display(), f.scanned(),
                        f.recorded(), f.unmatched());
            }
        }
        for (Reply r : outbox.replies()) {
            if (context.json()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("ticket", r.ticketId());
                o.put("kind", r.kind().name().toLowerCase());
                o.put("from", r.from());
                o.put("subject", r.subject());
                o.put("receivedAt", r.receivedAt().toString());
                o.put("matchedBy", r.matchedBy());
                o.put("messageId", r.key());
                context.emitJson(o);
            } else {
                context.out().printf("  %-20s %-10s %-32s %s  %s%n", r.ticketId(), r.kind().name().toLowerCase(), r.from(),
                        r.receivedAt(), r.subject());
            }
        }
        return 0;
    }
}
