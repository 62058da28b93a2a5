package liaison.mail;

import java.time.Instant;

import liaison.mail.OutboxEntry.State;

/**
 * One recipient of a message in the outbox: the outbox delivers, retries and records each recipient
 * on its own, through the transport that handles it, so that a webhook that is down never holds back
 * the e-mail copy and nobody gets a report twice.
 *
 * @param recipient an e-mail address or a URL
 * @param transport the id of the transport that last tried it, or null before the first attempt
 * @param state     where it stands
 * @param sentAt    when the transport accepted it, or null
 * @param attempts  delivery attempts so far
 * @param lastError the last failure, or null
 * @param receipt   the transport's answer when it accepted, or null
 */
public record Delivery(String recipient, String transport, State state, Instant sentAt, int attempts, String lastError,
        String receipt) {
}
