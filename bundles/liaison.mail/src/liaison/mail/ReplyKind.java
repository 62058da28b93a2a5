package liaison.mail;

/** What an answer to a report is. */
public enum ReplyKind {
    /** Written by a person. */
    HUMAN,
    /** Sent by software on a person's behalf: out-of-office, ticket confirmation (RFC 3834 Auto-Submitted). */
    AUTO_REPLY,
    /** A delivery status notification: the report did not arrive (RFC 3464). */
    BOUNCE
}
