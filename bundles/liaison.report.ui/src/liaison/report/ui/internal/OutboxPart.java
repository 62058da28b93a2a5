package liaison.report.ui.internal;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import liaison.api.LiaisonException;
import liaison.mail.MailServer;
import liaison.mail.Outbox;
import liaison.mail.OutboxEntry;
import liaison.mail.SendSummary;
import liaison.mail.SmtpTransport;

/**
 * The outbox: every queued and sent report with its state; sends the queue in a job, e-mail over
 * SMTP and other recipients through the installed transports.
 */
public class OutboxPart {

    private Label status;
    private TableViewer table;
    private String smtp = System.getenv().getOrDefault("LIAISON_SMTP_URL", "smtp://user@mail.example.org:587?starttls=required");

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        status = UiServices.actionBar(parent, this::refresh, "Send\u2026", () -> send(parent));
        table = UiServices.table(parent);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.getTable());
        UiServices.<OutboxEntry>column(table, "Ticket", 160, OutboxEntry::ticketId);
        UiServices.<OutboxEntry>column(table, "State", 90, e -> e.state().name().toLowerCase());
        UiServices.<OutboxEntry>column(table, "Recipients", 260, e -> String.join(", ", e.recipients()));
        UiServices.<OutboxEntry>column(table, "Subject", 300, OutboxEntry::subject);
        UiServices.<OutboxEntry>column(table, "Queued", 170, e -> e.queuedAt().toString());
        UiServices.<OutboxEntry>column(table, "Sent", 170, e -> e.sentAt() == null ? "" : e.sentAt().toString());
        UiServices.<OutboxEntry>column(table, "Attempts", 70, e -> Integer.toString(e.attempts()));
        UiServices.<OutboxEntry>column(table, "Last error", 300, OutboxEntry::lastError);
        refresh();
    }

    void refresh() {
        try {
            List<OutboxEntry> entries = UiServices.workspaceService(Outbox.class).entries();
            table.setInput(entries);
            status.setText(entries.size() + " message(s)");
        } catch (LiaisonException e) {
            status.setText(e.getMessage());
        }
    }

    private void send(Composite parent) {
        InputDialog ask = new InputDialog(parent.getShell(), "Send queued reports", "SMTP server for e-mail recipients (password from the URL"
                + " or $LIAISON_SMTP_PASSWORD); empty: only recipients an installed transport handles, such as webhook URLs:",
                smtp, text -> {
                    try {
                        if (!text.isBlank()) {
                            MailServer.parse(text);
                        }
                        return null;
                    } catch (IllegalArgumentException e) {
                        return e.getMessage();
                    }
                });
        if (ask.open() != Window.OK) {
            return;
        }
        smtp = ask.getValue();
        MailServer server = smtp.isBlank() ? null : MailServer.parse(smtp);
        Job.create(server == null ? "Sending reports" : "Sending reports via " + server.display(), (IProgressMonitor monitor) -> {
            try (SmtpTransport transport = server == null ? null : new SmtpTransport(server)) {
                SendSummary s = UiServices.workspaceService(Outbox.class).send(transport == null ? List.of() : List.of(transport), false);
                UiServices.later(table.getTable(), () -> {
                    refresh();
                    status.setText("sent " + s.sent() + ", deferred " + s.deferred() + ", failed " + s.failed() + ", uncertain " + s.uncertain()
                            + (s.problems().isEmpty() ? "" : ": " + s.problems().get(0)));
                });
                return Status.OK_STATUS;
            } catch (LiaisonException e) {
                UiServices.later(table.getTable(), () -> status.setText(e.getMessage()));
                return Status.info(e.getMessage());
            }
        }).schedule();
    }
}
