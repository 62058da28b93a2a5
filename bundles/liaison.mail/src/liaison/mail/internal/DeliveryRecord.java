package liaison.mail.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import liaison.mail.Delivery;
import liaison.mail.OutboxEntry.State;

/** One recipient of a queued or sent message; its state is what keeps a recipient from getting a report twice. */
@Entity
@Table(name = "MAIL_DELIVERY")
@IdClass(DeliveryRecord.Key.class)
public class DeliveryRecord {

    /** Primary key: the message and the recipient's position in its recipient list. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String messageId;
        private int position;

        public Key() {
        }

        Key(String messageId, int position) {
            this.messageId = messageId;
            this.position = position;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.position == position && Objects.equals(k.messageId, messageId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(messageId, position);
        }
    }

    @Id
    @Column(name = "MESSAGE_ID", length = 250)
    private String messageId;
    @Id
    @Column(name = "POSITION")
    private int position;
    @Column(name = "RECIPIENT", length = 1000, nullable = false)
    private String recipient;
    @Column(name = "TRANSPORT", length = 64)
    private String transport;
    @Column(name = "STATE", length = 16, nullable = false)
    private String state;
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

    protected DeliveryRecord() {
    }

    DeliveryRecord(String messageId, int position, String recipient) {
        this.messageId = messageId;
        this.position = position;
        this.recipient = recipient;
        this.state = State.QUEUED.name();
    }

    Key key() {
        return new Key(messageId, position);
    }

    String messageId() {
        return messageId;
    }

    String recipient() {
        return recipient;
    }

    State state() {
        return State.valueOf(state);
    }

    Instant attemptAt() {
        return attemptAt;
    }

    Instant sentAt() {
        return sentAt;
    }

    int attempts() {
        return attempts;
    }

    String lastError() {
        return lastError;
    }

    String receipt() {
        return receipt;
    }

    String transport() {
        return transport;
    }

    void sending(String transportId, Instant at) {
        state = State.SENDING.name();
        transport = transportId;
        attemptAt = at;
        attempts++;
    }

    void sent(Instant at, String receipt) {
        state = State.SENT.name();
        sentAt = at;
        this.receipt = OutboxRecord.truncate(receipt);
        lastError = null;
    }

    /** A failed attempt, or no transport for the recipient (then {@code next} is QUEUED and no attempt was made). */
    void failed(State next, String error) {
        state = next.name();
        lastError = OutboxRecord.truncate(error);
    }

    void state(State next) {
        state = next.name();
    }

    Delivery delivery() {
        return new Delivery(recipient, transport, state(), sentAt, attempts, lastError, receipt);
    }
}
