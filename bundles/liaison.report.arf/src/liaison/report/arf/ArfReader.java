package liaison.report.arf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import liaison.api.InputException;
import liaison.report.JakartaMail;

/**
 * Reads abuse feedback reports as they arrive, which is not always as RFC 5965 says: the
 * {@code report-type} parameter may be missing, the feedback part may sit in a {@code multipart/mixed},
 * and some large mailbox providers send their own forms (Microsoft JMRP: the reported message with an
 * {@code X-HmXmrOriginalRecipient} header; Apple: a message marked {@code X-Apple-Unsubscribe}).
 * Stateless and thread-safe.
 */
public final class ArfReader {

    private static final Pattern RECEIVED_IP = Pattern.compile("\\[(\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-fA-F:]+:[0-9a-fA-F:.]+)\\]");
    private final Session session = JakartaMail.run(() -> Session.getInstance(new Properties()));

    /**
     * Reads one message.
     *
     * @throws InputException naming the input when the message is no feedback report
     */
    public FeedbackReport read(String inputName, InputStream message) throws InputException {
        return JakartaMail.run(() -> parse(inputName, message));
    }

    private FeedbackReport parse(String inputName, InputStream message) throws InputException {
        try {
            MimeMessage m = new MimeMessage(session, message);
            Part feedback = find(m, "message/feedback-report", 0);
            if (feedback != null) {
                return standard(m, feedback);
            }
            Part original = find(m, "message/rfc822", 0);
            String originalHeaders = original == null ? null : headerBlock(bytes(original));
            if (originalHeaders != null && originalHeaders.toLowerCase(Locale.ROOT).contains("x-hmxmroriginalrecipient:")) {
                return new FeedbackReport("abuse", "Microsoft JMRP", receivedIp(originalHeaders), List.of(), Map.of(), originalHeaders, false);
            }
            if ("true".equalsIgnoreCase(first(m.getHeader("X-Apple-Unsubscribe")))) {
                return new FeedbackReport("opt-out", "Apple Mail", null, List.of(), Map.of(), headers(m), false);
            }
            throw new InputException(inputName, 0, 0, "not an abuse feedback report (no message/feedback-report part)");
        } catch (MessagingException | IOException e) {
            throw new InputException(inputName, 0, 0, "unreadable message: " + e.getMessage(), e);
        }
    }

    private static FeedbackReport standard(MimeMessage m, Part feedback) throws MessagingException, IOException {
        InternetHeaders fields = new InternetHeaders(new ByteArrayInputStream(bytes(feedback)));
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Enumeration<Header> e = fields.getAllHeaders(); e.hasMoreElements();) {
            Header h = e.nextElement();
            map.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue().strip());
        }
        Part original = find(m, "message/rfc822", 0);
        if (original == null) {
            original = find(m, "text/rfc822-headers", 0);
        }
        String originalHeaders = original == null ? null : headerBlock(bytes(original));
        String type = value(map, "feedback-type");
        String source = value(map, "source-ip");
        return new FeedbackReport(type == null ? "abuse" : type.toLowerCase(Locale.ROOT), value(map, "user-agent"),
                source != null ? source : originalHeaders == null ? null : receivedIp(originalHeaders),
                map.getOrDefault("reported-domain", List.of()), map, originalHeaders, true);
    }

    private static String value(Map<String, List<String>> map, String name) {
        List<String> v = map.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Depth-first search for a part of the type; message/* parts are not descended into. */
    private static Part find(Part part, String type, int depth) throws MessagingException, IOException {
        tolerate(part);
        if (depth > 0 && part.isMimeType(type)) {
            return part;
        }
        if (depth < 8 && part.isMimeType("multipart/*")) {
            Multipart mp = JakartaMail.multipart(part);
            for (int i = 0; i < mp.getCount(); i++) {
                Part found = find(mp.getBodyPart(i), type, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Quotes a boundary that its sender left unquoted although it holds {@code =} (seen in real
     * reports: {@code boundary===3e45...==}), so the part can be parsed at all.
     */
    private static void tolerate(Part part) throws MessagingException {
        String[] type = part.getHeader("Content-Type");
        if (type == null || type.length == 0) {
            return;
        }
        try {
            new ContentType(type[0]);
        } catch (ParseException e) {
            part.setHeader("Content-Type", type[0].replaceAll("(?i)(boundary\\s*=\\s*)([^\";\\s]+)", "$1\"$2\""));
        }
    }

    /** The decoded content of a part; the raw bytes when the declared transfer encoding is broken. */
    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException | MessagingException broken) {
            if (part instanceof jakarta.mail.internet.MimeBodyPart b) {
                try (InputStream raw = b.getRawInputStream()) {
                    return raw.readAllBytes();
                }
            }
            throw broken;
        }
    }

    /** The header block (up to the first empty line) of an embedded message. */
    private static String headerBlock(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        int end = text.indexOf("\n\n");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static String headers(MimeMessage m) throws MessagingException {
        StringBuilder s = new StringBuilder();
        for (Enumeration<String> lines = m.getAllHeaderLines(); lines.hasMoreElements();) {
            s.append(lines.nextElement()).append('\n');
        }
        return s.toString();
    }

    /** The address in the last (earliest) Received header that names one: the host that sent the message. */
    private static String receivedIp(String headers) {
        String found = null;
        for (String h : headers.replaceAll("\n[ \t]+", " ").split("\n")) {
            if (h.regionMatches(true, 0, "Received:", 0, 9)) {
                Matcher m = RECEIVED_IP.matcher(h);
                if (m.find()) {
                    found = m.group(1);
                }
            }
        }
        return found;
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0].strip();
    }
}
