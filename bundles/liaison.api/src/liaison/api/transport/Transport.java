package liaison.api.transport;

import liaison.api.LiaisonException;

/**
 * Delivers a finished report message: SMTP is built in; a team adds a chat webhook or a ticket
 * system. The outbox picks the first transport (highest service ranking) that
 * {@link #handles(String) handles} a recipient.
 *
 * <p>Contract: {@link #deliver} may block on I/O but must give up within a bounded time (the
 * outbox also enforces a timeout). It either delivers the whole message or throws; the outbox
 * retries later and never sends a message it has a receipt for.
 */
public interface Transport {

    /** Stable id ({@code smtp}, {@code webhook}, ...). */
    String id();

    /** Whether this transport can reach the recipient (an e-mail address, a URL, ...). */
    boolean handles(String recipient);

    DeliveryReceipt deliver(OutgoingMessage message) throws LiaisonException;
}
