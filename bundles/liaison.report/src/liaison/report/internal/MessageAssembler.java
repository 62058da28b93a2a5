package liaison.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import liaison.api.LiaisonException;
import liaison.api.report.RenderedReport;
import liaison.api.report.Report;
import liaison.api.report.Reporter;
import liaison.api.transport.OutgoingMessage;
import liaison.pgp.PgpService;
import liaison.report.JakartaMail;

/**
 * Wraps a rendered report in an RFC 5322 message. The body entity is built with Jakarta Mail in
 * canonical form (CRLF, quoted-printable or base64, 7-bit clean) so that a PGP/MIME signature over
 * it survives any mail path; the top-level headers are checked for CR and LF (header injection).
 */
final class MessageAssembler {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageAssembler() {
    }

    static OutgoingMessage assemble(Report report, RenderedReport rendered, List<RenderedReport.Part> extraParts, boolean sign,
            boolean encrypt, PgpService pgp) throws LiaisonException {
        return JakartaMail.run(() -> build(report, rendered, extraParts, sign, encrypt, pgp));
    }

    private static OutgoingMessage build(Report report, RenderedReport rendered, List<RenderedReport.Part> extraParts, boolean sign,
            boolean encrypt, PgpService pgp) throws LiaisonException {
        Reporter from = report.reporter();
        if (from == null || from.email() == null) {
            throw new LiaisonException("report " + report.ticketId() + " has no reporter address");
        }
        String subject = rendered.subject().contains(report.ticketId()) ? rendered.subject()
                : "[" + report.ticketId() + "] " + rendered.subject();
        headerSafe("subject", subject, report);
        headerSafe("reporter", from.email() + " " + (from.team() == null ? "" : from.team()), report);
        for (String r : report.recipients()) {
            headerSafe("recipient", r, report);
        }
        List<String> emails = Recipients.emails(report.recipients());
        if (encrypt && emails.size() < report.recipients().size()) {
            // A webhook shows the text in a chat: it can carry neither ciphertext nor what was asked to be encrypted.
            throw new LiaisonException("report " + report.ticketId() + " cannot be encrypted for " + Recipients.urls(report.recipients()).get(0)
                    + ": only e-mail recipients have keys; compose it without --encrypt or address it to e-mail only");
        }
        try {
            List<RenderedReport.Part> parts = new ArrayList<>(rendered.parts());
            parts.addAll(extraParts);
            byte[] entity = canonical(entity(rendered.contentType(), parts));
            if (sign || encrypt) {
                if (pgp == null) {
                    throw new LiaisonException("PGP is not available (no workspace selected?); cannot "
                            + (encrypt ? "encrypt" : "sign") + " report " + report.ticketId());
                }
                if (sign) {
                    entity = pgp.sign(entity);
                }
                if (encrypt) {
                    entity = pgp.encrypt(entity, report.recipients());
                }
            }
            String domain = from.email().substring(from.email().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            byte[] nonce = new byte[6];
            RANDOM.nextBytes(nonce);
            String messageId = report.ticketId() + "." + HexFormat.of().formatHex(nonce) + "@" + domain;
            String display = from.team() != null ? from.team() : from.name();
            StringBuilder h = new StringBuilder(512);
            header(h, "From", new InternetAddress(from.email(), display, "UTF-8").toString());
            // Only e-mail recipients go into To; a report posted to webhooks only is to no one by mail (RFC 5322 group syntax).
            header(h, "To", emails.isEmpty() ? "undisclosed-recipients:;" : InternetAddress.toString(addresses(emails), 4));
            header(h, "Subject", MimeUtility.encodeText(subject, "UTF-8", null));
            header(h, "Date", new MailDateFormat().format(Date.from(report.created())));
            header(h, "Message-ID", "<" + messageId + ">");
            header(h, "X-Liaison-Ticket", report.ticketId());
            header(h, "MIME-Version", "1.0");
            ByteArrayOutputStream message = new ByteArrayOutputStream(h.length() + entity.length);
            message.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
            message.writeBytes(entity);
            return new OutgoingMessage(messageId, report.ticketId(), from.email(), report.recipients(), subject, message.toByteArray());
        } catch (MessagingException | IOException e) {
            throw new LiaisonException("cannot build the message of report " + report.ticketId() + ": " + e.getMessage(), e);
        }
    }

    private static void header(StringBuilder out, String name, String value) {
        out.append(MimeUtility.fold(0, name + ": " + value)).append("\r\n");
    }

    private static InternetAddress[] addresses(List<String> recipients) throws MessagingException {
        InternetAddress[] out = new InternetAddress[recipients.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new InternetAddress(recipients.get(i), true);
        }
        return out;
    }

    private static void headerSafe(String what, String value, Report report) throws LiaisonException {
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
            throw new LiaisonException("report " + report.ticketId() + ": the " + what
                    + " holds a line break; refusing it (header injection)");
        }
    }

    /** The body entity: its Content-* headers, an empty line, the content. */
    private static byte[] entity(String contentType, List<RenderedReport.Part> parts) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContentType type = new ContentType(contentType);
        if (parts.size() == 1 && type.match("multipart/mixed")) {
            Leaf leaf = leaf(parts.get(0), true);
            leaf.finish();
            leaf.writeTo(out);
            return out.toByteArray();
        }
        Multipart multipart = new Multipart(type);
        for (int i = 0; i < parts.size(); i++) {
            multipart.addBodyPart(leaf(parts.get(i), i == 0));
        }
        multipart.finish();
        out.writeBytes(("Content-Type: " + multipart.getContentType() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        multipart.writeTo(out);
        return out.toByteArray();
    }

    private static Leaf leaf(RenderedReport.Part part, boolean first) throws MessagingException, UnsupportedEncodingException {
        Leaf p = new Leaf();
        p.setDataHandler(new DataHandler(new ByteArrayDataSource(part.content(), part.mediaType())));
        p.setHeader("Content-Type", part.mediaType());
        p.setHeader("Content-Transfer-Encoding", transferEncoding(part));
        if (part.filename() != null) {
            p.setFileName(part.filename());
            p.setDisposition(first ? Part.INLINE : Part.ATTACHMENT);
        } else if (first) {
            p.setDisposition(Part.INLINE);
        }
        return p;
    }

    /**
     * Quoted-printable for text (readable, and safe for signatures), base64 for binary; 7bit for
     * message/* parts, which RFC 2046 and RFC 5965 forbid to encode.
     */
    private static String transferEncoding(RenderedReport.Part part) {
        String type = part.mediaType().toLowerCase(Locale.ROOT);
        if (type.startsWith("message/")) {
            return "7bit";
        }
        boolean text = type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("application/xml")
                || type.contains("+xml") || type.contains("+json");
        return text ? "quoted-printable" : "base64";
    }

    /** Every line ending as CRLF, as RFC 3156 requires of signed data (and SMTP of everything). */
    static byte[] canonical(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / 40);
        for (int i = 0; i < data.length; i++) {
            byte b = data[i];
            if (b == '\n' && (i == 0 || data[i - 1] != '\r')) {
                out.write('\r');
            } else if (b == '\r' && (i + 1 == data.length || data[i + 1] != '\n')) {
                out.write('\r');
                out.write('\n');
                continue;
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    /** A body part whose headers can be completed without a message around it. */
    private static final class Leaf extends MimeBodyPart {
        void finish() throws MessagingException {
            updateHeaders();
        }
    }

    /** A multipart of any subtype with parameters ({@code report; report-type=feedback-report}). */
    private static final class Multipart extends MimeMultipart {
        Multipart(ContentType type) throws MessagingException {
            ContentType own = new ContentType(contentType);
            type.setParameter("boundary", "=_" + own.getParameter("boundary").replaceAll("[^A-Za-z0-9._]", ""));
            contentType = type.toString();
        }

        void finish() throws MessagingException {
            updateHeaders();
        }
    }
}
