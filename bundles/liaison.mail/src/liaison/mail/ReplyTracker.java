package liaison.mail;

import liaison.api.LiaisonException;

/**
 * Reads a mailbox over IMAP and records the answers to our reports in the {@link Outbox}: matched by
 * In-Reply-To, References, the ticket id in the subject, or, for bounces, the returned headers; told
 * apart as human replies, automatic replies (RFC 3834) and bounces (RFC 3464). The mailbox is opened
 * read-only; answers already recorded are skipped.
 */
public interface ReplyTracker {

    /**
     * What one fetch found.
     *
     * @param scanned   messages looked at
     * @param recorded  new answers recorded
     * @param unmatched messages that answer none of our reports
     */
    record FetchSummary(int scanned, int recorded, int unmatched) {
    }

    FetchSummary fetch(MailServer imap) throws LiaisonException;
}
