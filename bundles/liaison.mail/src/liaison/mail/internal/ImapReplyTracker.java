package liaison.mail.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import liaison.api.LiaisonException;
import liaison.mail.MailServer;
import liaison.mail.Outbox;
import liaison.mail.OutboxEntry;
import liaison.mail.Reply;
import liaison.mail.ReplyKind;
import liaison.mail.ReplyTracker;
import liaison.report.JakartaMail;
import liaison.store.Database;
import liaison.store.Workspace;

/**
 * Fetches new messages (by IMAP UID, remembered per mailbox in the workspace) and records those that
 * answer our reports. The folder is opened read-only: flags stay as the team's mail client left them.
 */
@Component(service = ReplyTracker.class, configurationPid = Workspace.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ImapReplyTracker implements ReplyTracker {

    private final Outbox outbox;
    private final Database database;

    @Activate
    public ImapReplyTracker(@Reference Outbox outbox, @Reference Database database) {
        this.outbox = outbox;
        this.database = database;
    }

    @Override
    public FetchSummary fetch(MailServer imap) throws LiaisonException {
        if (!imap.protocol().startsWith("imap")) {
            throw new LiaisonException("not an IMAP server: " + imap.display());
        }
        return JakartaMail.run(() -> {
            Session session = Session.getInstance(properties(imap));
            try (Store store = session.getStore(imap.protocol())) {
                store.connect(imap.host(), imap.port(), imap.user(), imap.password());
                Folder folder = store.getFolder(imap.folder());
                folder.open(Folder.READ_ONLY);
                try {
                    return scan(imap, folder);
                } finally {
                    folder.close(false);
                }
            } catch (MessagingException | IOException e) {
                throw new LiaisonException("cannot read " + imap.display() + ": " + String.valueOf(e.getMessage()).replaceAll("[\\r\\n]+", " "), e);
            }
        });
    }

    private FetchSummary scan(MailServer imap, Folder folder) throws MessagingException, IOException, LiaisonException {
        UIDFolder uids = (UIDFolder) folder;
        String key = "mail.imap.seen." + imap.display();
        String validity = Long.toString(uids.getUIDValidity());
        long after = 0;
        String seen = database.property(key);
        if (seen != null && seen.startsWith(validity + ":")) {
            after = Long.parseLong(seen.substring(validity.length() + 1));
        }
        Message[] messages = uids.getMessagesByUID(after + 1, UIDFolder.LASTUID);
        int scanned = 0, recorded = 0, unmatched = 0;
        long last = after;
        for (Message message : messages) {
            long uid = uids.getUID(message);
            if (uid <= after) {
                continue; // IMAP returns the last message for an empty range
            }
            scanned++;
            last = Math.max(last, uid);
            // Parsed here from the raw message: servers' BODYSTRUCTURE answers differ, and some fail on DSNs.
            MimeMessage m = new MimeMessage((MimeMessage) message);
            ReplyKind kind = Answers.kind(m);
            List<String> referenced = Answers.referencedIds(m);
            String matchedBy = null;
            Optional<OutboxEntry> report = outbox.find(referenced, List.of());
            if (report.isPresent()) {
                String inReplyTo = m.getHeader("In-Reply-To", ",");
                matchedBy = inReplyTo != null && inReplyTo.contains(report.get().messageId()) ? "in-reply-to" : "references";
            } else if (kind == ReplyKind.BOUNCE && (report = outbox.find(Answers.returnedIds(m), List.of())).isPresent()) {
                matchedBy = "dsn";
            } else if ((report = outbox.find(List.of(), Answers.tickets(m.getSubject()))).isPresent()) {
                matchedBy = "ticket";
            } else if ((report = outbox.find(List.of(), Answers.tickets(m))).isPresent()) {
                matchedBy = kind == ReplyKind.BOUNCE ? "dsn" : "ticket";
            }
            if (report.isEmpty()) {
                unmatched++;
                continue;
            }
            String id = m.getMessageID();
            String replyKey = id != null ? id.replaceAll("^<|>$", "") : "imap:" + imap.display() + ":" + validity + ":" + uid;
            Instant received = m.getSentDate() != null ? m.getSentDate().toInstant()
                    : message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : Instant.now();
            if (outbox.addReply(new Reply(replyKey, report.get().messageId(), report.get().ticketId(), Answers.address(m),
                    m.getSubject(), kind, received, matchedBy))) {
                recorded++;
            }
        }
        if (last > after) {
            database.setProperty(key, validity + ":" + last);
        }
        return new FetchSummary(scanned, recorded, unmatched);
    }

    private static Properties properties(MailServer imap) {
        String p = imap.protocol();
        Properties props = new Properties();
        props.put("mail." + p + ".connectiontimeout", "15000");
        props.put("mail." + p + ".timeout", "60000");
        if (!imap.implicitTls()) {
            props.put("mail.imap.starttls.enable", Boolean.toString(!imap.startTls().equals("none")));
            props.put("mail.imap.starttls.required", Boolean.toString(imap.startTls().equals("required")));
        }
        if (imap.trust() != null) {
            props.put("mail." + p + ".ssl.trust", imap.trust());
        }
        return props;
    }
}
