package liaison.simnet;

import java.time.Duration;
import java.time.Instant;

import liaison.simnet.ScenarioPack.Recipients.Action;

/**
 * Something that happened on the simulated mail server, as the session log records it.
 *
 * @param type      what happened
 * @param at        when (wall clock)
 * @param from      the sender's address
 * @param to        the recipient's address
 * @param subject   the subject
 * @param messageId the message's Message-ID (without angle brackets), or null
 * @param inReplyTo for replies, the Message-ID of the report answered; null otherwise
 * @param action    for replies, what the recipient did; null for reports
 * @param delay     for replies, how long after the report it came, in scenario time; null for reports
 * @param signed    for reports, whether it carries a PGP/MIME signature (RFC 3156)
 * @param encrypted for reports, whether it is PGP/MIME encrypted
 * @param text      for reports, the readable text (text/plain parts, decoded; at most 64 KiB); the reply's
 *                  body otherwise
 */
public record SimEvent(Type type, Instant at, String from, String to, String subject, String messageId, String inReplyTo,
        Action action, Duration delay, boolean signed, boolean encrypted, String text) {

    /** Kinds of events. */
    public enum Type {
        /** A message reached a simulated recipient. */
        REPORT,
        /** A simulated recipient answered (or its server bounced the report). */
        REPLY
    }
}
