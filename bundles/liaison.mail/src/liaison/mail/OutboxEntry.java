package liaison.mail;

import java.time.Instant;
import java.util.List;

/**
 * A message in the outbox. Its state sums up its {@link #deliveries() deliveries}, one per recipient:
 * {@link State#SENDING} when one is with a transport, else {@link State#QUEUED} when one waits, else
 * {@link State#UNCERTAIN} when one may or may not have left, else {@link State#FAILED} when one was
 * refused, else {@link State#SENT}.
 *
 * @param messageId  Message-ID without angle brackets
 * @param ticketId   the report's ticket id
 * @param recipients envelope recipients
 * @param subject    the subject
 * @param state      where it stands
 * @param queuedAt   when it was queued
 * @param sentAt     when a transport first accepted it for a recipient, or null
 * @param attempts   delivery attempts so far (the most any recipient had)
 * @param lastError  the last delivery failure of a recipient not sent yet, or null
 * @param receipt    the transports' answers, or null before the first acceptance
 * @param deliveries per recipient, in the order of {@code recipients}
 */
public record OutboxEntry(String messageId, String ticketId, List<String> recipients, String subject, State state,
        Instant queuedAt, Instant sentAt, int attempts, String lastError, String receipt, List<Delivery> deliveries) {

    public OutboxEntry {
        recipients = List.copyOf(recipients);
        deliveries = List.copyOf(deliveries);
    }

    /** Outbox states, of a message and of each of its deliveries. */
    public enum State {
        /** Waiting to be sent (again, after a temporary failure or until a transport for the recipient is installed). */
        QUEUED,
        /** Handed to a transport; a delivery found in this state after a restart becomes {@link #UNCERTAIN}. */
        SENDING,
        /** Accepted by the transport. */
        SENT,
        /** Refused for good (SMTP 5xx, a webhook that no longer exists); not retried. */
        FAILED,
        /**
         * It may or may not have left: the process ended while it was with the transport, or the
         * transport overran its deadline or broke its contract. Never resent automatically, so that no
         * report goes out twice; resend on request.
         */
        UNCERTAIN
    }
}
