package liaison.api.transport;

import java.util.List;

/**
 * A report ready to leave: an RFC 5322 message (already signed or encrypted when asked) and its
 * envelope.
 *
 * <p>Recipients are what a {@link Transport} {@link Transport#handles handles}: e-mail addresses
 * (lower-case domain) and {@code https://} or {@code http://} URLs, such as a partner team's chat
 * webhook. Only the e-mail addresses appear in the message's {@code To} header.
 *
 * @param messageId  the Message-ID header value, without angle brackets
 * @param ticketId   the report's ticket id
 * @param sender     envelope sender address
 * @param recipients envelope recipients; when handed to {@link Transport#deliver}, the one recipient of that call
 * @param subject    the subject, for transports that do not use the MIME text
 * @param mime       the complete message in RFC 5322 form
 */
public record OutgoingMessage(String messageId, String ticketId, String sender, List<String> recipients, String subject,
        byte[] mime) {

    public OutgoingMessage {
        recipients = List.copyOf(recipients);
    }

    /** The same message, addressed to one of its recipients only (the envelope; the bytes are unchanged). */
    public OutgoingMessage to(String recipient) {
        return new OutgoingMessage(messageId, ticketId, sender, List.of(recipient), subject, mime);
    }
}
