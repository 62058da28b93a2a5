package liaison.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import liaison.mail.ReplyKind;
import liaison.report.JakartaMail;

/**
 * Reads what an incoming message says about our reports: which kind of answer it is (RFC 3834
 * automatic replies, RFC 3464 delivery status notifications, people) and which Message-IDs and
 * ticket ids it refers to.
 */
final class Answers {

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");
    private static final Pattern TICKET = Pattern.compile("\\b([A-Z][A-Z0-9]{0,15}-\\d{8}-[0-9A-HJKMNP-TV-Z]{6})\\b");
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "(?i)^(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|abwesenheit|autosvar|r[ée]ponse automatique|auto:)");

    private Answers() {
    }

    static ReplyKind kind(MimeMessage m) throws MessagingException, IOException {
        if (m.isMimeType("multipart/report") && reportType(m).equals("delivery-status") || hasPart(m, "message/delivery-status", 0)) {
            return ReplyKind.BOUNCE;
        }
        String from = m.getFrom() == null || m.getFrom().length == 0 ? "" : address(m).toLowerCase(Locale.ROOT);
        if (from.startsWith("mailer-daemon@") || from.startsWith("postmaster@")) {
            return ReplyKind.BOUNCE;
        }
        String autoSubmitted = header(m, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).startsWith("no")) {
            return ReplyKind.AUTO_REPLY;
        }
        String precedence = header(m, "Precedence");
        if (header(m, "X-Autoreply") != null || header(m, "X-Autorespond") != null
                || precedence != null && precedence.toLowerCase(Locale.ROOT).matches("auto_reply|bulk|junk")) {
            return ReplyKind.AUTO_REPLY;
        }
        String subject = m.getSubject();
        return subject != null && AUTO_SUBJECT.matcher(subject.strip()).find() ? ReplyKind.AUTO_REPLY : ReplyKind.HUMAN;
    }

    /** In-Reply-To first, then References, newest reference first. */
    static List<String> referencedIds(MimeMessage m) throws MessagingException {
        List<String> ids = new ArrayList<>(ids(header(m, "In-Reply-To")));
        List<String> refs = ids(header(m, "References"));
        for (int i = refs.size() - 1; i >= 0; i--) {
            if (!ids.contains(refs.get(i))) {
                ids.add(refs.get(i));
            }
        }
        return ids;
    }

    /** Message-IDs in the headers a bounce returns (text/rfc822-headers, message/rfc822, or its text). */
    static List<String> returnedIds(MimeMessage m) throws MessagingException, IOException {
        List<String> ids = new ArrayList<>();
        for (String text : texts(m, 0)) {
            for (String line : text.replace("\r\n", "\n").split("\n")) {
                if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                    ids.addAll(ids(line.substring(11)));
                }
            }
        }
        return ids;
    }

    static List<String> tickets(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            for (Matcher t = TICKET.matcher(text); t.find();) {
                out.add(t.group(1));
            }
        }
        return new ArrayList<>(out);
    }

    /** Tickets in the subject first, then in the body text (bounces quote our subject there). */
    static List<String> tickets(MimeMessage m) throws MessagingException, IOException {
        Set<String> out = new LinkedHashSet<>(tickets(m.getSubject()));
        for (String text : texts(m, 0)) {
            out.addAll(tickets(text));
        }
        return new ArrayList<>(out);
    }

    static String address(MimeMessage m) throws MessagingException {
        var from = m.getFrom();
        if (from == null || from.length == 0) {
            return null;
        }
        return from[0] instanceof InternetAddress a ? a.getAddress() : from[0].toString();
    }

    private static List<String> ids(String header) {
        List<String> out = new ArrayList<>();
        if (header != null) {
            for (Matcher id = MESSAGE_ID.matcher(header); id.find();) {
                out.add(id.group(1));
            }
        }
        return out;
    }

    private static String header(MimeMessage m, String name) throws MessagingException {
        return m.getHeader(name, ",");
    }

    private static String reportType(Part p) throws MessagingException {
        try {
            String t = new jakarta.mail.internet.ContentType(p.getContentType()).getParameter("report-type");
            return t == null ? "" : t.toLowerCase(Locale.ROOT);
        } catch (jakarta.mail.internet.ParseException e) {
            return "";
        }
    }

    private static boolean hasPart(Part p, String type, int depth) throws MessagingException {
        if (depth > 0 && p.isMimeType(type)) {
            return true;
        }
        if (depth < 6 && p.isMimeType("multipart/*")) {
            Multipart mp = JakartaMail.multipart(p);
            for (int i = 0; i < mp.getCount(); i++) {
                if (hasPart(mp.getBodyPart(i), type, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The textual parts (text/*, message/*), decoded, at most 256 KiB each. */
    private static List<String> texts(Part p, int depth) throws MessagingException, IOException {
        List<String> out = new ArrayList<>();
        if (p.isMimeType("multipart/*")) {
            if (depth < 6) {
                Multipart mp = JakartaMail.multipart(p);
                for (int i = 0; i < mp.getCount(); i++) {
                    out.addAll(texts(mp.getBodyPart(i), depth + 1));
                }
            }
        } else if (p.isMimeType("text/*") || p.isMimeType("message/*")) {
            try (InputStream in = p.getInputStream()) {
                out.add(new String(in.readNBytes(256 * 1024), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
