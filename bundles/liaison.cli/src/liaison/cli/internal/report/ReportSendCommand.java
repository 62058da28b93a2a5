package liaison.cli.internal.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.api.transport.Transport;
import liaison.cli.internal.CliContext;
import liaison.mail.MailServer;
import liaison.mail.Outbox;
import liaison.mail.SendSummary;
import liaison.mail.SmtpTransport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code liaison report send [--smtp URL]}: delivers the queued reports, each recipient through the
 * transport that handles it: e-mail addresses over SMTP (the server given), URLs through installed
 * transports such as a chat webhook.
 */
@Command(name = "send", description = { "Send the queued reports: e-mail over SMTP, other recipients (webhook URLs)",
        "through the installed transport that handles them, each recipient once.",
        "A delivery that was under way when an earlier run ended is not resent unless --resend-uncertain is given." })
public class ReportSendCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--smtp", paramLabel = "URL", description = { "smtp://user@host:587?starttls=required, smtps://host:465",
            "(default $LIAISON_SMTP_URL; password from the URL or $LIAISON_SMTP_PASSWORD).",
            "Needed when e-mail recipients are queued." })
    String smtp;

    @Option(names = "--resend-uncertain", description = "Also send to recipients whose earlier delivery may have happened.")
    boolean resendUncertain;

    public ReportSendCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        String url = smtp != null ? smtp : System.getenv("LIAISON_SMTP_URL");
        MailServer server = url == null || url.isBlank() ? null : MailServer.parse(url);
        Outbox outbox = WorkspaceServices.get(context, Outbox.class);
        SendSummary s;
        try (SmtpTransport transport = server == null ? null : new SmtpTransport(server)) {
            List<Transport> given = transport == null ? List.of() : List.of(transport);
            s = outbox.send(given, resendUncertain);
        }
        List<String> problems = s.problems();
        String hint = server != null || problems.stream().noneMatch(p -> p.contains("no transport handles") && p.contains("@")) ? null
                : "e-mail recipients need an SMTP server: give --smtp URL or set LIAISON_SMTP_URL";
        if (context.json()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("server", server == null ? null : server.display());
            o.put("sent", s.sent());
            o.put("deferred", s.deferred());
            o.put("failed", s.failed());
            o.put("uncertain", s.uncertain());
            o.put("problems", problems);
            o.put("hint", hint);
            o.put("transports", s.byTransport());
            context.emitJson(o);
        } else {
            List<String> via = new ArrayList<>();
            s.byTransport().forEach((id, n) -> via.add(id.equals("smtp") && server != null ? server.display() : id));
            context.out().printf("sent %d, deferred %d, failed %d, uncertain %d (via %s)%n", s.sent(), s.deferred(), s.failed(),
                    s.uncertain(), via.isEmpty() ? server != null ? server.display() : "no transport" : String.join(", ", via));
            problems.forEach(p -> context.out().println("  " + p));
            if (hint != null) {
                context.out().println("  " + hint);
            }
            if (s.uncertain() > 0) {
                context.out().println("  uncertain messages may have left already; check, then 'liaison report send --resend-uncertain'");
            }
        }
        if (!problems.isEmpty()) {
            context.err().println("liaison: " + problems.size() + " delivery problem(s); the first: " + problems.get(0)
                    + (hint == null ? "" : "; " + hint));
            return 1;
        }
        return 0;
    }
}
