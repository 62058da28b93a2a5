package liaison.mail.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import liaison.mail.OutboxEntry;
import liaison.mail.OutboxEntry.State;

/**
 * A queued or sent message; {@code MIME} holds the exact bytes that go out. The state columns sum up
 * the message's {@link DeliveryRecord deliveries} (kept up to date with each change), so that lists
 * and queries need not read them.
 */
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
        this.recipients = truncate(String.join(", ", recipients), 4000);
        this.subject = subject;
        this.mime = mime;
        this.state = State.QUEUED.name();
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

    String subject() {
        return subject;
    }

    byte[] mime() {
        return mime;
    }

    State state() {
        return State.valueOf(state);
    }

    /** Sums up the message's deliveries (see {@link OutboxEntry} for the order of states). */
    void summarize(List<DeliveryRecord> deliveries) {
        state = summary(deliveries.stream().map(DeliveryRecord::state).toList()).name();
        attemptAt = deliveries.stream().map(DeliveryRecord::attemptAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        sentAt = deliveries.stream().map(DeliveryRecord::sentAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        attempts = deliveries.stream().mapToInt(DeliveryRecord::attempts).max().orElse(0);
        lastError = truncate(deliveries.stream().filter(d -> d.state() != State.SENT).map(DeliveryRecord::lastError)
                .filter(Objects::nonNull).findFirst().orElse(null));
        String receipts = deliveries.stream().filter(d -> d.receipt() != null).map(d -> d.transport() + ": " + d.receipt())
                .collect(Collectors.joining("; "));
        receipt = receipts.isEmpty() ? null : truncate(receipts);
    }

    static State summary(List<State> states) {
        for (State s : List.of(State.SENDING, State.QUEUED, State.UNCERTAIN, State.FAILED)) {
            if (states.contains(s)) {
                return s;
            }
        }
        return State.SENT;
    }

    OutboxEntry entry(List<DeliveryRecord> deliveries) {
        return new OutboxEntry(messageId, ticketId, deliveries.stream().map(DeliveryRecord::recipient).toList(), subject, state(),
                queuedAt, sentAt, attempts, lastError, receipt, deliveries.stream().map(DeliveryRecord::delivery).toList());
    }

    static String truncate(String s) {
        return truncate(s, 1000);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
