package liaison.mail.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import liaison.mail.Reply;
import liaison.mail.ReplyKind;

/** An answer to a sent report. */
@Entity
@Table(name = "MAIL_REPLY")
public class ReplyRecord {

    @Id
    @Column(name = "REPLY_KEY", length = 250)
    private String key;
    @Column(name = "MESSAGE_ID", length = 250, nullable = false)
    private String messageId;
    @Column(name = "TICKET_ID", length = 64, nullable = false)
    private String ticketId;
    @Column(name = "SENDER", length = 254)
    private String from;
    @Column(name = "SUBJECT", length = 1000)
    private String subject;
    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;
    @Column(name = "RECEIVED_AT", nullable = false)
    private Instant receivedAt;
    @Column(name = "MATCHED_BY", length = 32, nullable = false)
    private String matchedBy;

    protected ReplyRecord() {
    }

    ReplyRecord(Reply r) {
        key = r.key();
        messageId = r.messageId();
        ticketId = r.ticketId();
        from = r.from() == null ? null : r.from().length() > 254 ? r.from().substring(0, 254) : r.from();
        subject = r.subject() == null ? null : r.subject().length() > 1000 ? r.subject().substring(0, 1000) : r.subject();
        kind = r.kind().name();
        receivedAt = r.receivedAt();
        matchedBy = r.matchedBy();
    }

    Reply reply() {
        return new Reply(key, messageId, ticketId, from, subject, ReplyKind.valueOf(kind), receivedAt, matchedBy);
    }
}
