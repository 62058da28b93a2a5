package liaison.mail.internal;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import liaison.mail.OutboxEntry;

/** A queued or sent message; {@code MIME} holds the exact bytes that go out. */
@Entity
@Table(name = "MAIL_OUTBOX")
public class OutboxRecord {

    @Id
    @Column(name = "MESSAGE_ID", length = 250)
    private String messageId;
    @Column(name = "TICKET_ID", length = 64, nullable = false)
    private String ticketId;
    @Column(name = "SENDER", length = 254, nullable = false)
    private String sender;
    @Column(name = "RECIPIENTS", length = 4000, nullable = false)
    private String recipients;
    @Column(name = "SUBJECT", length = 1000)
    private String subject;
    @Lob
    @Column(name = "MIME", nullable = false)
    private byte[] mime;
    @Column(name = "STATE", length = 16, nullable = false)
    private String state;
    @Column(name = "QUEUED_AT", nullable = false)
    private Instant queuedAt;
    @Column(name = "ATTEMPT_AT")
    private Instant attemptAt;
    @Column(name = "SENT_AT")
    private Instant sentAt;
    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;
    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;
    @Column(name = "RECEIPT", length = 1000)
    private String receipt;

    protected OutboxRecord() {
    }

    OutboxRecord(String messageId, String ticketId, String sender, List<String> recipients, String subject, byte[] mime, Instant queuedAt) {
        this.messageId = messageId;
        this.ticketId = ticketId;
        this.sender = sender;
        this.recipients = String.join(",", recipients);
        this.subject = subject;
        this.mime = mime;
        this.state = OutboxEntry.State.QUEUED.name();
        this.queuedAt = queuedAt;
    }

    String messageId() {
        return messageId;
    }

    String ticketId() {
        return ticketId;
    }

    String sender() {
        return sender;
    }

    List<String> recipients() {
        return List.of(recipients.split(","));
    }

    String subject() {
        return subject;
    }

    byte[] mime() {
        return mime;
    }

    OutboxEntry.State state() {
        return OutboxEntry.State.valueOf(state);
    }

    Instant sentAt() {
        return sentAt;
    }

    void sending(Instant at) {
        state = OutboxEntry.State.SENDING.name();
        attemptAt = at;
        attempts++;
    }

    void sent(Instant at, String receipt) {
        state = OutboxEntry.State.SENT.name();
        sentAt = at;
        this.receipt = truncate(receipt);
        lastError = null;
    }

    void failed(OutboxEntry.State next, String error) {
        state = next.name();
        lastError = truncate(error);
    }

    void state(OutboxEntry.State next) {
        state = next.name();
    }

    OutboxEntry entry() {
        return new OutboxEntry(messageId, ticketId, recipients(), subject, state(), queuedAt, sentAt, attempts, lastError, receipt);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
