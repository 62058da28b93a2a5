package liaison.mail;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Properties;

import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import liaison.api.LiaisonException;
import liaison.api.transport.DeliveryException;
import liaison.api.transport.DeliveryReceipt;
import liaison.api.transport.OutgoingMessage;
import liaison.api.transport.Transport;
import liaison.report.JakartaMail;

/**
 * Delivers report messages over SMTP (Jakarta Mail / Angus) with STARTTLS or implicit TLS and
 * authentication. One connection serves a run of messages; close it when done. The message bytes go
 * out exactly as composed, so PGP/MIME signatures stay valid. Timeouts: 15 s to connect, 60 s per
 * read or write.
 */
public final class SmtpTransport implements Transport, AutoCloseable {

    private final MailServer server;
    private final Session session;
    private SMTPTransport connection;

    public SmtpTransport(MailServer server) {
        if (!server.protocol().startsWith("smtp")) {
            throw new IllegalArgumentException("not an SMTP server: " + server.display());
        }
        this.server = server;
        String p = server.protocol();
        Properties props = new Properties();
        props.put("mail." + p + ".host", server.host());
        if (server.port() > 0) {
            props.put("mail." + p + ".port", Integer.toString(server.port()));
        }
        props.put("mail." + p + ".connectiontimeout", "15000");
        props.put("mail." + p + ".timeout", "60000");
        props.put("mail." + p + ".writetimeout", "60000");
        props.put("mail." + p + ".auth", Boolean.toString(server.user() != null));
        if (!server.implicitTls()) {
            props.put("mail.smtp.starttls.enable", Boolean.toString(!server.startTls().equals("none")));
            props.put("mail.smtp.starttls.required", Boolean.toString(server.startTls().equals("required")));
        }
        if (server.trust() != null) {
            props.put("mail." + p + ".ssl.trust", server.trust());
        }
        session = JakartaMail.run(() -> Session.getInstance(props));
    }

    @Override
    public String id() {
        return "smtp";
    }

    /** E-mail addresses; not URLs, even those with user information ({@code https://user@host/}). */
    @Override
    public boolean handles(String recipient) {
        return recipient.indexOf('@') > 0 && !recipient.contains("://");
    }

    @Override
    public DeliveryReceipt deliver(OutgoingMessage message) throws LiaisonException {
        return JakartaMail.run(() -> {
            try {
                SMTPMessage mime = new SMTPMessage(session, new ByteArrayInputStream(message.mime()));
                mime.setEnvelopeFrom(message.sender());
                InternetAddress[] to = new InternetAddress[message.recipients().size()];
                for (int i = 0; i < to.length; i++) {
                    to[i] = new InternetAddress(message.recipients().get(i), true);
                }
                connected().sendMessage(mime, to);
                return new DeliveryReceipt(id(), Instant.now(), server.host() + ": " + connection.getLastServerResponse().strip());
            } catch (SendFailedException e) {
                int code = e instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException f ? f.getReturnCode()
                        : e.getNextException() instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException a ? a.getReturnCode() : 0;
                throw new DeliveryException(server.display() + " refused " + message.ticketId() + ": " + oneLine(e), code >= 500, e);
            } catch (MessagingException e) {
                close();
                throw new DeliveryException("cannot send " + message.ticketId() + " through " + server.display() + ": " + oneLine(e), false, e);
            }
        });
    }

    private SMTPTransport connected() throws MessagingException {
        if (connection == null || !connection.isConnected()) {
            connection = (SMTPTransport) session.getTransport(server.protocol());
            connection.connect(server.host(), server.port(), server.user(), server.password());
        }
        return connection;
    }

    private static String oneLine(MessagingException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.getNextException() != null && e.getNextException().getMessage() != null) {
            m += " (" + e.getNextException().getMessage() + ")";
        }
        return m.replaceAll("[\\r\\n]+", " ").strip();
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (MessagingException ignored) {
                // the connection is gone either way
            }
            connection = null;
        }
    }
}
