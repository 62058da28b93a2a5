package liaison.mail;

import java.time.Instant;

/**
 * An answer to one of our reports, as found in the mailbox.
 *
 * @param key        the answer's Message-ID, or a mailbox-specific id when it has none
 * @param messageId  Message-ID of the report it answers
 * @param ticketId   ticket id of that report
 * @param from       sender address of the answer
 * @param subject    its subject
 * @param kind       human, auto-reply or bounce
 * @param receivedAt when it arrived (its Date, else the mailbox's arrival time)
 * @param matchedBy  how it was tied to the report: {@code in-reply-to}, {@code references}, {@code ticket}, {@code dsn}
 */
public record Reply(String key, String messageId, String ticketId, String from, String subject, ReplyKind kind,
        Instant receivedAt, String matchedBy) {
}
