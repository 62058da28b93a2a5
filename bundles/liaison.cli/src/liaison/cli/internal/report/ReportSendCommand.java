package liaison.cli.internal.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.mail.MailServer;
import liaison.mail.Outbox;
import liaison.mail.SendSummary;
import liaison.mail.SmtpTransport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liaison report send [--smtp URL]}: sends the queued reports. */
@Command(name = "send", description = { "Send the queued reports over SMTP.",
        "A message that was being sent when an earlier run ended is not resent unless --resend-uncertain is given." })
public class ReportSendCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--smtp", paramLabel = "URL", description = { "smtp://user@host:587?starttls=required, smtps://host:465",
            "(default $LIAISON_SMTP_URL; password from the URL or $LIAISON_SMTP_PASSWORD)." })
    String smtp;

    @Option(names = "--resend-uncertain", description = "Also send messages whose earlier delivery may have happened.")
    boolean resendUncertain;

    public ReportSendCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        String url = smtp != null ? smtp : System.getenv("LIAISON_SMTP_URL");
        if (url == null || url.isBlank()) {
            throw new LiaisonException("no SMTP server: give --smtp URL or set LIAISON_SMTP_URL");
        }
        MailServer server = MailServer.parse(url);
        Outbox outbox = WorkspaceServices.get(context, Outbox.class);
        SendSummary s;
        try (SmtpTransport transport = new SmtpTransport(server)) {
            s = outbox.send(transport, resendUncertain);
        }
        if (context.json()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("server", server.display());
            o.put("sent", s.sent());
            o.put("deferred", s.deferred());
            o.put("failed", s.failed());
            o.put("uncertain", s.uncertain());
            o.put("problems", s.problems());
            context.emitJson(o);
        } else {
            context.out().printf("sent %d, deferred %d, failed %d, uncertain %d (via %s)%n", s.sent(), s.deferred(), s.failed(),
                    s.uncertain(), server.display());
            s.problems().forEach(p -> context.out().println("  " + p));
            if (s.uncertain() > 0) {
                context.out().println("  uncertain messages may have left already; check, then 'liaison report send --resend-uncertain'");
            }
        }
        if (s.deferred() + s.failed() > 0) {
            context.err().println("liaison: " + (s.deferred() + s.failed()) + " message(s) not sent; the first: " + s.problems().get(0));
            return 1;
        }
        return 0;
    }
}
