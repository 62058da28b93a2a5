package liaison.replay;


import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liaison.api.model.IpRange;

/** Ready-made {@link WhoisReplay.Responder}s: recorded answers and hostile servers. */
public final class Responders {

    private Responders() {
    }

    /**
     * Answers from recordings as a registry would: the recording made for what the query asks (its last
     * word, without JPNIC's {@code /e}; addresses compared as addresses), else, for an address, the
     * recording whose smallest network holds it, else {@code notFound}.
     */
    public static WhoisReplay.Responder recorded(Map<String, String> answers, Charset charset, String notFound) {
        Map<String, String> byKey = new java.util.HashMap<>();
        ContainedAnswers byRange = new ContainedAnswers();
        answers.forEach((k, v) -> {
            byKey.put(key(k), v);
            smallestRange(v).ifPresent(r -> byRange.range(r, v));
        });
        return (query, out, socket) -> {
            String answer = byKey.get(key(lastWord(query)));
            if (answer == null) {
                answer = byRange.answer(query);
            }
            out.write((answer != null ? answer : notFound).getBytes(charset));
        };
    }

    private static final Pattern RANGE = Pattern.compile("(?m)^(?:inetnum|inet6num|NetRange|IPv4 Address|IPv6 Address|"
            + "a\\. \\[Network Number\\])\\s*:?\\s*([0-9A-Fa-f:.]+(?:\\s*-\\s*[0-9A-Fa-f:.]+|/\\d+))");

    /** The smallest network a recorded answer describes, when it names one in a way this can read. */
    private static Optional<IpRange> smallestRange(String answer) {
        IpRange best = null;
        Matcher m = RANGE.matcher(answer);
        while (m.find()) {
            try {
                IpRange r = IpRange.parse(m.group(1));
                if (best == null || r.size().compareTo(best.size()) < 0) {
                    best = r;
                }
            } catch (IllegalArgumentException e) {
                // a form of range this replay does not read (LACNIC's short prefixes); exact queries still work
            }
        }
        return Optional.ofNullable(best);
    }

    /** Always the same bytes. */
    public static WhoisReplay.Responder bytes(byte[] answer) {
        return (query, out, socket) -> out.write(answer);
    }

    /** Sends a line again and again until the client hangs up. */
    public static WhoisReplay.Responder endless(String line) {
        byte[] b = (line + "\n").getBytes(Charset.forName("US-ASCII"));
        return (query, out, socket) -> {
            while (!socket.isClosed()) {
                out.write(b);
            }
        };
    }

    /** Sends one byte at a time with a pause between bytes. */
    public static WhoisReplay.Responder slowDrip(byte[] answer, Duration pause) {
        return (query, out, socket) -> {
            for (byte b : answer) {
                out.write(b);
                out.flush();
                Thread.sleep(pause.toMillis());
            }
        };
    }

    /** Sends the first bytes of an answer, then resets the connection (RST, not an orderly close). */
    public static WhoisReplay.Responder resetAfter(byte[] answer, int bytes) {
        return (query, out, socket) -> {
            out.write(answer, 0, Math.min(bytes, answer.length));
            out.flush();
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    /** The word a query asks about: the last one, without a trailing {@code /e}. */
    static String lastWord(String query) {
        String[] words = query.strip().split("\\s+");
        String w = words[words.length - 1];
        return w.endsWith("/e") ? w.substring(0, w.length() - 2) : w;
    }

    /** Addresses in canonical form, anything else lower case. */
    static String key(String word) {
        String w = word.strip();
        if (w.matches("[0-9a-fA-F:.]+") && (w.indexOf(':') >= 0 || w.chars().filter(c -> c == '.').count() == 3)) {
            try {
                return InetAddress.getByName(w).getHostAddress();
            } catch (UnknownHostException e) {
                return w.toLowerCase(Locale.ROOT);
            }
        }
        return w.toLowerCase(Locale.ROOT);
    }
}
