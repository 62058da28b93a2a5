package liaison.api.transport;

import liaison.api.LiaisonException;

/**
 * Delivers a finished report message to one kind of recipient: SMTP for e-mail addresses is built
 * in; a team adds a chat webhook, a ticket system or a partner's API as a DS component providing
 * this interface.
 *
 * <p><b>Routing.</b> A report's recipients are e-mail addresses or URLs (see
 * {@link OutgoingMessage#recipients()}). For each recipient of each queued message, the outbox picks
 * the transport with the highest {@code service.ranking} whose {@link #handles(String)} accepts the
 * recipient; at equal ranking Liaison's own SMTP transport (ranking 0) comes first. A recipient that
 * no installed transport handles stays queued until one is installed.
 *
 * <p><b>Delivery.</b> {@link #deliver} is called once per message and recipient, with
 * {@link OutgoingMessage#recipients()} holding exactly that recipient, from one thread at a time
 * (not necessarily the same thread each time). It may block on I/O but must give up on its own
 * within a bounded time; the outbox abandons a call after three minutes. It returns a receipt only
 * when the recipient's side accepted the whole message, and otherwise throws:
 * <ul>
 * <li>{@link DeliveryException} with {@code permanent = true} when retrying cannot help: the
 * recipient is marked failed and never retried;</li>
 * <li>any other {@link LiaisonException} when nothing was delivered and a later run may succeed: the
 * recipient stays queued.</li>
 * </ul>
 * A call that overruns the deadline or throws anything else (a {@link RuntimeException}, an
 * {@link Error}) may or may not have delivered: the outbox marks that recipient <em>uncertain</em> and
 * never resends it on its own, so that no report reaches anyone twice. The outbox records what it
 * does before and after each call in the workspace store, so a crash during a call also leaves the
 * recipient uncertain rather than sending again.
 */
public interface Transport {

    /** Stable id ({@code smtp}, {@code webhook}, ...), shown in the outbox and its receipts. */
    String id();

    /**
     * Whether this transport can reach the recipient (an e-mail address, a URL, ...). Must be cheap
     * and must not do I/O: it is asked for every queued recipient.
     */
    boolean handles(String recipient);

    /**
     * Delivers the message to its one recipient; see the class comment for what a return and each
     * exception mean to the outbox.
     *
     * @return proof of acceptance, with the server's answer for the outbox log
     */
    DeliveryReceipt deliver(OutgoingMessage message) throws LiaisonException;
}
