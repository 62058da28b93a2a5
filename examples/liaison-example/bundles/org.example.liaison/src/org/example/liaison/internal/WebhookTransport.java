package org.example.liaison.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import liaison.api.LiaisonException;
import liaison.api.transport.DeliveryException;
import liaison.api.transport.DeliveryReceipt;
import liaison.api.transport.OutgoingMessage;
import liaison.api.transport.Transport;

/**
 * Posts a report to a chat webhook (Mattermost and Slack "incoming webhook" JSON: {@code {"text": ...}}),
 * for teams that coordinate in chat. A recipient is the webhook URL itself: an event names it in
 * {@code source.abuse_contact}, and the outbox routes it here because this transport handles http(s)
 * URLs. Runs on the outbox's thread, one recipient per call; the HTTP timeouts (10 s to connect, 20 s
 * for the answer) keep it well inside the outbox's deadline.
 */
@Component
public class WebhookTransport implements Transport {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String id() {
        return "webhook";
    }

    @Override
    public boolean handles(String recipient) {
        return recipient.startsWith("https://") || recipient.startsWith("http://");
    }

    /**
     * Posts to the one recipient the outbox hands over. An answer of 4xx (the hook was deleted, the
     * token is wrong) is final; anything else that fails may work on the next run.
     */
    @Override
    public DeliveryReceipt deliver(OutgoingMessage message) throws LiaisonException {
        ObjectNode body = json.createObjectNode();
        body.put("text", "**" + message.subject() + "**\n\n" + firstText(message));
        String recipient = message.recipients().get(0);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(recipient))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 != 2) {
                throw new DeliveryException("webhook " + recipient + " answered HTTP " + status, status / 100 == 4);
            }
            return new DeliveryReceipt(id(), Instant.now(), "HTTP " + status);
        } catch (IOException e) {
            throw new LiaisonException("cannot post to webhook " + recipient + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiaisonException("interrupted while posting to " + recipient, e);
        }
    }

    /** The first text part of the report message: what a person reads. */
    static String firstText(OutgoingMessage message) throws LiaisonException {
        // Jakarta Mail finds its implementation through the context class loader; in OSGi that must be
        // Angus Mail's (jakarta.mail-api declares no service-loader requirement for StreamProvider).
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MailStreamProvider.class.getClassLoader());
        try {
            MimeMessage mime = new MimeMessage(Session.getInstance(new java.util.Properties()), new ByteArrayInputStream(message.mime()));
            String text = firstText(mime);
            // MIME text has CRLF line ends; chat renders plain newlines.
            return text == null ? "" : text.replace("\r\n", "\n");
        } catch (MessagingException | IOException e) {
            throw new LiaisonException("report " + message.ticketId() + " is not a readable MIME message: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Reads parts without Jakarta Activation's content handlers, which OSGi hides from Jakarta Mail. */
    private static String firstText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            String charset = new ContentType(part.getContentType()).getParameter("charset");
            return new String(part.getInputStream().readAllBytes(), charset == null ? "UTF-8" : MimeUtility.javaCharset(charset));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = new MimeMultipart(part.getDataHandler().getDataSource());
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                String text = firstText(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
