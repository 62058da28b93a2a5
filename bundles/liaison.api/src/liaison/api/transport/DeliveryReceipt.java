package liaison.api.transport;

import java.time.Instant;

/**
 * Proof that a transport accepted a message.
 *
 * @param transportId the transport's id
 * @param at          when it was accepted
 * @param detail      the server's answer (SMTP reply, HTTP status), for the outbox log
 */
public record DeliveryReceipt(String transportId, Instant at, String detail) {
}
