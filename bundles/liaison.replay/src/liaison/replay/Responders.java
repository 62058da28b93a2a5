package liaison.replay;


import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Ready-made {@link WhoisReplay.Responder}s: recorded answers and hostile servers. */
public final class Responders {

    private Responders() {
    }

    /**
     * Answers from recordings keyed by what the query asks for (its last word, without JPNIC's
     * {@code /e}; addresses compared as addresses), and with {@code notFound} otherwise.
     */
    public static WhoisReplay.Responder recorded(Map<String, String> answers, Charset charset, String notFound) {
        Map<String, String> byKey = new java.util.HashMap<>();
        answers.forEach((k, v) -> byKey.put(key(k), v));
        return (query, out, socket) -> {
            String answer = byKey.getOrDefault(key(lastWord(query)), notFound);
            out.write(answer.getBytes(charset));
        };
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
