package liaison.mail;

import java.time.Instant;
import java.util.List;

/**
 * A message in the outbox.
 *
 * @param messageId  Message-ID without angle brackets
 * @param ticketId   the report's ticket id
 * @param recipients envelope recipients
 * @param subject    the subject
 * @param state      where it stands
 * @param queuedAt   when it was queued
 * @param sentAt     when a transport accepted it, or null
 * @param attempts   delivery attempts so far
 * @param lastError  the last delivery failure, or null
 * @param receipt    the transport's answer when it accepted the message, or null
 */
public record OutboxEntry(String messageId, String ticketId, List<String> recipients, String subject, State state,
        Instant queuedAt, Instant sentAt, int attempts, String lastError, String receipt) {

    public OutboxEntry {
        recipients = List.copyOf(recipients);
    }

    /** Outbox states. */
    public enum State {
        /** Waiting to be sent (again, after a temporary failure). */
        QUEUED,
        /** Handed to a transport; a message found in this state after a restart becomes {@link #UNCERTAIN}. */
        SENDING,
        /** Accepted by the transport. */
        SENT,
        /** Refused for good (SMTP 5xx); not retried. */
        FAILED,
        /**
         * The process ended while the message was with the transport: it may or may not have left.
         * Never resent automatically, so that no report goes out twice; resend on request.
         */
        UNCERTAIN
    }
}
