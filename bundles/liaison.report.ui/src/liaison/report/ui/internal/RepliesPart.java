package liaison.report.ui.internal;

import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import liaison.api.LiaisonException;
import liaison.mail.ContactStats;
import liaison.mail.MailServer;
import liaison.mail.Outbox;
import liaison.mail.Reply;
import liaison.mail.ReplyTracker;

/** Answers to our reports (human, automatic, bounce) and, per contact, how they answer. */
public class RepliesPart {

    private Label status;
    private TableViewer replies;
    private TableViewer contacts;
    private String imap = System.getenv().getOrDefault("LIAISON_IMAP_URL", "imaps://user@mail.example.org/INBOX");

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        status = UiServices.actionBar(parent, this::refresh, "Fetch\u2026", () -> fetch(parent));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        replies = UiServices.table(sash);
        UiServices.<Reply>column(replies, "Ticket", 160, Reply::ticketId);
        UiServices.<Reply>column(replies, "Kind", 100, r -> r.kind().name().toLowerCase().replace('_', '-'));
        UiServices.<Reply>column(replies, "From", 220, Reply::from);
        UiServices.<Reply>column(replies, "Received", 170, r -> r.receivedAt().toString());
        UiServices.<Reply>column(replies, "Matched by", 100, Reply::matchedBy);
        UiServices.<Reply>column(replies, "Subject", 360, Reply::subject);
        contacts = UiServices.table(sash);
        UiServices.<ContactStats>column(contacts, "Contact", 260, ContactStats::contact);
        UiServices.<ContactStats>column(contacts, "Sent", 60, s -> Integer.toString(s.sent()));
        UiServices.<ContactStats>column(contacts, "Answered", 80, s -> Integer.toString(s.answered()));
        UiServices.<ContactStats>column(contacts, "Replies by kind", 260, s -> s.replies().entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase() + " " + e.getValue()).collect(Collectors.joining(", ")));
        UiServices.<ContactStats>column(contacts, "Median time to first reply", 200,
                s -> s.medianFirstReply() == null ? "" : s.medianFirstReply().toString());
        refresh();
    }

    void refresh() {
        try {
            Outbox outbox = UiServices.workspaceService(Outbox.class);
            replies.setInput(outbox.replies());
            contacts.setInput(outbox.stats());
        } catch (LiaisonException e) {
            status.setText(e.getMessage());
        }
    }

    private void fetch(Composite parent) {
        InputDialog ask = new InputDialog(parent.getShell(), "Fetch replies", "IMAP mailbox (password from the URL or $LIAISON_IMAP_PASSWORD):",
                imap, text -> {
                    try {
                        MailServer.parse(text);
                        return null;
                    } catch (IllegalArgumentException e) {
                        return e.getMessage();
                    }
                });
        if (ask.open() != Window.OK) {
            return;
        }
        imap = ask.getValue();
        MailServer server = MailServer.parse(imap);
        Job.create("Fetching replies from " + server.display(), (IProgressMonitor monitor) -> {
            try {
                ReplyTracker.FetchSummary f = UiServices.workspaceService(ReplyTracker.class).fetch(server);
                UiServices.later(replies.getTable(), () -> {
                    refresh();
                    status.setText(f.scanned() + " new message(s), " + f.recorded() + " answer(s) recorded, " + f.unmatched() + " unrelated");
                });
                return Status.OK_STATUS;
            } catch (LiaisonException e) {
                UiServices.later(replies.getTable(), () -> status.setText(e.getMessage()));
                return Status.info(e.getMessage());
            }
        }).schedule();
    }
}
