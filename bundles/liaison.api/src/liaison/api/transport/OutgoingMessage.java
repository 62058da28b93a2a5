package liaison.api.transport;

import java.util.List;

/**
 * A report ready to leave: an RFC 5322 message (already signed or encrypted when asked) and its
 * envelope.
 *
 * @param messageId  the Message-ID header value, without angle brackets
 * @param ticketId   the report's ticket id
 * @param sender     envelope sender address
 * @param recipients envelope recipients
 * @param subject    the subject, for transports that do not use the MIME text
 * @param mime       the complete message in RFC 5322 form
 */
public record OutgoingMessage(String messageId, String ticketId, String sender, List<String> recipients, String subject,
        byte[] mime) {

    public OutgoingMessage {
        recipients = List.copyOf(recipients);
    }
}
