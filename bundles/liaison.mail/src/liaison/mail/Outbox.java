package liaison.mail;

import java.util.List;
import java.util.Optional;

import liaison.api.LiaisonException;
import liaison.api.transport.OutgoingMessage;
import liaison.api.transport.Transport;

/**
 * The workspace's outbox: composed reports wait here, in the store, until a transport accepts them
 * for each recipient. A crash between composing and sending loses nothing (a queued message is
 * committed before {@link #enqueue} returns), and nothing reaches a recipient twice: each
 * {@link Delivery delivery} (message and recipient) is marked as being sent before it is handed to
 * its transport, and one found in that state after a restart is
 * {@link OutboxEntry.State#UNCERTAIN uncertain}, resent only on request.
 *
 * <p>Routing follows {@link Transport}: per recipient, the highest-ranked transport that handles it,
 * among the transports given to {@link #send(List, boolean)} (ranking 0, first on ties) and the
 * {@link Transport} services installed. Installed transports are called through Liaison's isolation
 * with a deadline; one that overruns or breaks its contract leaves its recipient uncertain.
 *
 * <p>Thread-safe; one process uses a workspace at a time (the store's lock).
 */
public interface Outbox {

    /** Queues the message; false when a message with its Message-ID is already in the outbox. */
    boolean enqueue(OutgoingMessage message) throws LiaisonException;

    /** Every message, oldest first. */
    List<OutboxEntry> entries() throws LiaisonException;

    /**
     * Delivers every queued recipient of every message, oldest message first, each through the
     * transport that handles it (see the class comment).
     *
     * @param transports      transports for this run besides the installed ones, e.g. SMTP with the
     *                        server the user named; may be empty
     * @param resendUncertain also send to recipients whose earlier delivery may or may not have happened
     */
    SendSummary send(List<Transport> transports, boolean resendUncertain) throws LiaisonException;

    /** {@link #send(List, boolean)} with one transport for this run. */
    default SendSummary send(Transport transport, boolean resendUncertain) throws LiaisonException {
        return send(List.of(transport), resendUncertain);
    }

    /** The sent message answered by one with these Message-IDs (In-Reply-To, References) or ticket ids. */
    Optional<OutboxEntry> find(List<String> messageIds, List<String> ticketIds) throws LiaisonException;

    /** Records an answer; false when it was recorded before. */
    boolean addReply(Reply reply) throws LiaisonException;

    /** Every recorded answer, newest first. */
    List<Reply> replies() throws LiaisonException;

    /** Per contact (recipient): reports it was sent, answers by kind, time to first answer. */
    List<ContactStats> stats() throws LiaisonException;
}
