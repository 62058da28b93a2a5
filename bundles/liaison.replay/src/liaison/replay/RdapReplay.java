package liaison.replay;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;

/**
 * An HTTP server on 127.0.0.1 serving recorded RDAP objects the way an RDAP service would: {@code ip/}
 * answers with the most specific recorded network holding the address, {@code autnum/} with the
 * recorded AS block holding the number, {@code domain/} and {@code entity/} by name; 404 with an RDAP
 * error otherwise. Each replayed service (an RDAP base URL) gets its own path prefix; hostile handlers
 * can replace a service.
 */
public final class RdapReplay implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern SELF = java.util.regex.Pattern.compile("(.*?/)(?:ip|autnum|domain|entity|nameserver)/.*");

    private record Recorded(String cls, IpRange range, long asFirst, long asLast, String name, String body) {
    }

    private final HttpServer server;
    private final Map<String, List<Recorded>> services = new LinkedHashMap<>();
    /** The logical base each path prefix serves, for the endpoints file. */
    private final Map<String, String> bases = new LinkedHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    public RdapReplay() throws IOException {
        this(0);
    }

    /**
     * Starts serving on a loopback port.
     *
     * @param port the port, or 0 for an ephemeral one
     * @throws IOException when the port cannot be bound (in use)
     */
    public RdapReplay(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The path prefix serving a logical base URL: {@code https://rdap.db.ripe.net/} → {@code /rdap.db.ripe.net/}. */
    static String prefix(URI base) {
        return "/" + base.getHost() + (base.getPath() == null || base.getPath().isEmpty() ? "/" : base.getPath());
    }

    /**
     * Serves a recorded RDAP object under the base its {@code self} link names (else the given base).
     *
     * @param fallbackBase the base to use when the object has no self link
     */
    public synchronized void add(String body, String fallbackBase) throws IOException {
        JsonNode json = JSON.readTree(body);
        String base = fallbackBase;
        for (JsonNode link : json.path("links")) {
            if ("self".equals(link.path("rel").asText()) && link.has("href")) {
                var m = SELF.matcher(link.get("href").asText());
                if (m.matches()) {
                    base = m.group(1);
                }
            }
        }
        URI b = URI.create(base.endsWith("/") ? base : base + "/");
        // Served as the https base the IANA bootstrap names, whatever scheme a recorded self link has (APNIC's say http).
        add(json, body, "https:/" + prefix(b), prefix(b));
    }

    /**
     * Serves a recorded RDAP object for a logical base under a path prefix of one's choosing, e.g.
     * {@code https://rdap.db.ripe.net/} under {@code /ripe/}, whatever its self link says.
     *
     * @param prefix the path prefix, starting and ending with {@code /}
     */
    public synchronized void add(String body, String base, String prefix) throws IOException {
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("a path prefix starts and ends with '/': " + prefix);
        }
        add(JSON.readTree(body), body, base.endsWith("/") ? base : base + "/", prefix);
    }

    private void add(JsonNode json, String body, String base, String prefix) {
        serve(base, prefix);
        services.get(prefix).add(recorded(json, body));
    }

    /**
     * Serves a logical base under a path prefix, with no objects yet: every query gets an RDAP 404,
     * as a registry answers for what it does not hold.
     */
    public synchronized void serve(String base, String prefix) {
        if (!services.containsKey(prefix)) {
            List<Recorded> objects = new ArrayList<>();
            services.put(prefix, objects);
            bases.put(prefix, base.endsWith("/") ? base : base + "/");
            server.createContext(prefix, exchange -> serve(exchange, prefix, objects));
        }
    }

    /** Replaces a service with another handler (a hostile one). */
    public synchronized void handle(String base, HttpHandler handler) {
        URI b = URI.create(base.endsWith("/") ? base : base + "/");
        services.putIfAbsent(prefix(b), new ArrayList<>());
        bases.putIfAbsent(prefix(b), b.toString());
        try {
            server.removeContext(prefix(b));
        } catch (IllegalArgumentException e) {
            // nothing served there yet
        }
        server.createContext(prefix(b), exchange -> {
            requests.add(exchange.getRequestURI().getRawPath());
            handler.handle(exchange);
        });
    }

    private static Recorded recorded(JsonNode json, String body) {
        String cls = json.path("objectClassName").asText("");
        IpRange range = null;
        if (json.has("startAddress") && json.has("endAddress")) {
            try {
                range = new IpRange(IpAddress.parse(strip(json.get("startAddress").asText())),
                        IpAddress.parse(strip(json.get("endAddress").asText())));
            } catch (IllegalArgumentException e) {
                range = null;
            }
        }
        long first = json.has("startAutnum") ? json.get("startAutnum").asLong() : -1;
        long last = json.has("endAutnum") ? json.get("endAutnum").asLong() : first;
        String name = json.has("ldhName") ? json.get("ldhName").asText() : json.path("handle").asText(null);
        return new Recorded(cls, range, first, last, name == null ? null : name.toLowerCase(Locale.ROOT), body);
    }

    private static String strip(String a) {
        int slash = a.indexOf('/');
        return slash > 0 ? a.substring(0, slash) : a;
    }

    private void serve(HttpExchange exchange, String prefix, List<Recorded> objects) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(path);
        String rest = URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8);
        int slash = rest.indexOf('/');
        String type = slash > 0 ? rest.substring(0, slash) : rest;
        String query = slash > 0 ? rest.substring(slash + 1) : "";
        Recorded found = null;
        synchronized (this) {
            for (Recorded r : objects) {
                if (matches(r, type, query) && (found == null || size(r).compareTo(size(found)) < 0)) {
                    found = r;
                }
            }
        }
        if (found == null) {
            send(exchange, 404, "{\"errorCode\":404,\"title\":\"Not Found\",\"description\":[\"no recorded object for " + type
                    + " " + query.replace("\"", "") + "\"]}");
        } else {
            send(exchange, 200, found.body);
        }
    }

    private static boolean matches(Recorded r, String type, String query) {
        try {
            return switch (type) {
                case "ip" -> r.range != null && r.range.contains(query.contains("/") ? IpRange.parse(query) : IpRange.of(IpAddress.parse(query)));
                case "autnum" -> {
                    long n = Long.parseLong(query.toUpperCase(Locale.ROOT).replace("AS", ""));
                    yield r.asFirst >= 0 && n >= r.asFirst && n <= r.asLast;
                }
                case "domain" -> "domain".equals(r.cls) && query.equalsIgnoreCase(r.name);
                case "entity" -> "entity".equals(r.cls) && query.equalsIgnoreCase(r.name);
                default -> false;
            };
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static BigInteger size(Recorded r) {
        return r.range != null ? r.range.size() : BigInteger.valueOf(Math.max(1, r.asLast - r.asFirst + 1));
    }

    /** Writes a response with {@code Content-Type: application/rdap+json}. */
    public static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/rdap+json");
        exchange.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(b);
        }
    }

    /** The logical bases served, each with its endpoints-file line. */
    public synchronized List<String> endpointLines() {
        List<String> lines = new ArrayList<>();
        for (String prefix : services.keySet()) {
            lines.add(bases.getOrDefault(prefix, "https:/" + prefix) + " = " + url(prefix));
        }
        return lines;
    }

    /** The line mapping one logical base to this server. */
    public String endpointLine(String base) {
        URI b = URI.create(base.endsWith("/") ? base : base + "/");
        return b + " = " + url(prefix(b));
    }

    /** Where a path prefix is served: {@code http://127.0.0.1:PORT/ripe/}. */
    public String url(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    /** Every request path received, in order. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
