/**
 * Sending reports and following up on them: the persistent {@link liaison.mail.Outbox}, SMTP
 * delivery ({@link liaison.mail.SmtpTransport}) and routing to installed transports and IMAP reply tracking ({@link liaison.mail.ReplyTracker}).
 */
package liaison.mail;
