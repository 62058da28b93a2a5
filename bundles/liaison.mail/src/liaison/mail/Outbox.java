package liaison.mail;

import java.util.List;
import java.util.Optional;

import liaison.api.LiaisonException;
import liaison.api.transport.OutgoingMessage;
import liaison.api.transport.Transport;

/**
 * The workspace's outbox: composed reports wait here, in the store, until a transport accepts them.
 * A crash between composing and sending loses nothing (a queued message is committed before
 * {@link #enqueue} returns), and nothing goes out twice: a message is marked as being sent before it
 * is handed to the transport, and a message found in that state after a restart is
 * {@link OutboxEntry.State#UNCERTAIN uncertain}, resent only on request.
 *
 * <p>Thread-safe; one process uses a workspace at a time (the store's lock).
 */
public interface Outbox {

    /** Queues the message; false when a message with its Message-ID is already in the outbox. */
    boolean enqueue(OutgoingMessage message) throws LiaisonException;

    /** Every message, oldest first. */
    List<OutboxEntry> entries() throws LiaisonException;

    /**
     * Sends every queued message through the transport, oldest first.
     *
     * @param resendUncertain also send messages whose earlier delivery may or may not have happened
     */
    SendSummary send(Transport transport, boolean resendUncertain) throws LiaisonException;

    /** The sent message answered by one with these Message-IDs (In-Reply-To, References) or ticket ids. */
    Optional<OutboxEntry> find(List<String> messageIds, List<String> ticketIds) throws LiaisonException;

    /** Records an answer; false when it was recorded before. */
    boolean addReply(Reply reply) throws LiaisonException;

    /** Every recorded answer, newest first. */
    List<Reply> replies() throws LiaisonException;

    /** Per contact: reports sent, answers by kind, time to first answer. */
    List<ContactStats> stats() throws LiaisonException;
}
