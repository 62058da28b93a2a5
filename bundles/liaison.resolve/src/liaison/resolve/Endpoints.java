package liaison.resolve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import liaison.api.InputException;
import liaison.whois.WhoisServer;

/**
 * Where servers really are, for air-gapped networks and tests: {@code --endpoints FILE} maps whois
 * hosts and RDAP base URLs to other addresses, one mapping a line, {@code #} starting a comment:
 *
 * <pre>
 * whois.ripe.net = 127.0.0.1:4301
 * https://rdap.db.ripe.net/ = http://127.0.0.1:8081/ripe/
 * </pre>
 *
 * A line may end with politeness settings for that server, overriding the defaults:
 * {@code connections=N}, {@code rate=N/s}, {@code rate=N/min} or {@code rate=unlimited}, {@code retries=N}.
 */
public final class Endpoints {

    /** No mapping: every server is asked where it is. */
    public static final Endpoints NONE = new Endpoints("none", Map.of(), Map.of(), Map.of());

    private final String origin;
    private final Map<String, InetSocketAddress> whois;
    private final Map<String, URI> rdap;
    private final Map<String, Politeness> politeness;

    private Endpoints(String origin, Map<String, InetSocketAddress> whois, Map<String, URI> rdap, Map<String, Politeness> politeness) {
        this.origin = origin;
        this.whois = whois;
        this.rdap = rdap;
        this.politeness = politeness;
    }

    /** Reads an endpoints file. */
    public static Endpoints load(Path file) throws InputException {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, 0, "cannot read the endpoints file: " + e.getMessage(), e);
        }
    }

    /**
     * Reads endpoint mappings.
     *
     * @param input the file's name, for messages
     * @throws InputException naming the line of a mapping that cannot be read
     */
    public static Endpoints parse(String input, String text) throws InputException {
        Map<String, InetSocketAddress> whois = new LinkedHashMap<>();
        Map<String, URI> rdap = new LinkedHashMap<>();
        Map<String, Politeness> politeness = new LinkedHashMap<>();
        int n = 0;
        for (String raw : text.split("\r?\n", -1)) {
            n++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InputException(input, n, 1, "expected 'server = address', found '" + line + "'");
            }
            String left = line.substring(0, eq).strip();
            String[] right = line.substring(eq + 1).strip().split("\\s+");
            if (right[0].isEmpty()) {
                throw new InputException(input, n, eq + 2, "no address after '='");
            }
            String key;
            try {
                if (left.contains("://")) {
                    key = base(left);
                    rdap.put(key, URI.create(base(right[0])));
                } else {
                    WhoisServer server = WhoisServer.parse(left);
                    key = whoisKey(server);
                    whois.put(key, socket(right[0]));
                }
            } catch (IllegalArgumentException e) {
                throw new InputException(input, n, 1, e.getMessage(), e);
            }
            if (right.length > 1) {
                politeness.put(key, settings(input, n, right));
            }
        }
        return new Endpoints(input, whois, rdap, politeness);
    }

    private static Politeness settings(String input, int line, String[] words) throws InputException {
        Politeness p = Politeness.WHOIS;
        int connections = p.connections();
        Duration interval = p.interval();
        int retries = p.retries();
        for (int i = 1; i < words.length; i++) {
            String[] kv = words[i].split("=", 2);
            try {
                switch (kv.length == 2 ? kv[0].toLowerCase(Locale.ROOT) : "") {
                    case "connections" -> connections = Integer.parseInt(kv[1]);
                    case "retries" -> retries = Integer.parseInt(kv[1]);
                    case "rate" -> interval = rate(kv[1]);
                    default -> throw new IllegalArgumentException("unknown setting '" + words[i]
                            + "' (connections=N, rate=N/s, rate=N/min, rate=unlimited, retries=N)");
                }
            } catch (NumberFormatException e) {
                throw new InputException(input, line, 0, "not a number in '" + words[i] + "'", e);
            } catch (IllegalArgumentException e) {
                throw new InputException(input, line, 0, e.getMessage(), e);
            }
        }
        try {
            return new Politeness(connections, interval, retries, p.backoff());
        } catch (IllegalArgumentException e) {
            throw new InputException(input, line, 0, e.getMessage(), e);
        }
    }

    private static Duration rate(String value) {
        if (value.equalsIgnoreCase("unlimited")) {
            return Duration.ZERO;
        }
        String[] parts = value.split("/", 2);
        double count = Double.parseDouble(parts[0]);
        if (count <= 0 || parts.length < 2) {
            throw new IllegalArgumentException("a rate is N/s or N/min: '" + value + "'");
        }
        Duration per = switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "s", "sec", "second" -> Duration.ofSeconds(1);
            case "min", "minute" -> Duration.ofMinutes(1);
            default -> throw new IllegalArgumentException("a rate is N/s or N/min: '" + value + "'");
        };
        return Duration.ofNanos((long) (per.toNanos() / count));
    }

    private static InetSocketAddress socket(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected host:port, found '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = Integer.parseInt(text.substring(colon + 1));
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static String base(String url) {
        try {
            URI uri = new URI(url.endsWith("/") ? url : url + "/");
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not a URL: '" + url + "'");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + url + "'", e);
        }
    }

    private static String whoisKey(WhoisServer server) {
        return server.host() + ":" + server.port();
    }

    /** Where to connect for a whois server: its mapping, else the server itself. */
    public InetSocketAddress whois(WhoisServer server) {
        InetSocketAddress mapped = whois.get(whoisKey(server));
        return mapped != null ? mapped : InetSocketAddress.createUnresolved(server.host(), server.port());
    }

    /** Where an RDAP URL is really served: the longest mapped base it starts with is replaced. */
    public URI rdap(URI url) {
        String s = url.toString();
        String best = null;
        for (String base : rdap.keySet()) {
            if (s.startsWith(base) && (best == null || base.length() > best.length())) {
                best = base;
            }
        }
        return best == null ? url : URI.create(rdap.get(best) + s.substring(best.length()));
    }

    /** Politeness settings the file gives for a whois server, if any. */
    public Optional<Politeness> politeness(WhoisServer server) {
        return Optional.ofNullable(politeness.get(whoisKey(server)));
    }

    /** Politeness settings the file gives for the RDAP base an URL falls under, if any. */
    public Optional<Politeness> politeness(URI url) {
        String s = url.toString();
        return politeness.entrySet().stream().filter(e -> e.getKey().contains("://") && s.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The mapped whois servers and RDAP bases, for messages. */
    public List<String> mapped() {
        List<String> out = new ArrayList<>(whois.keySet());
        out.addAll(rdap.keySet());
        return out;
    }

    /** Where the mappings came from. */
    public String origin() {
        return origin;
    }
}
