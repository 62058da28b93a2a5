package liaison.rdap;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import liaison.api.InputException;
import liaison.api.model.Asn;
import liaison.api.model.DomainName;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;

/**
 * The IANA RDAP bootstrap registries (RFC 9224): which RDAP service answers for an address, an AS
 * number, a domain, or an entity handle by its object tag. Read from a directory holding the five
 * files IANA publishes, or from the dated snapshot shipped in this bundle.
 */
public final class RdapBootstrap {

    /** The files, as IANA names them under {@code https://data.iana.org/rdap/}. */
    public static final List<String> FILES = List.of("ipv4.json", "ipv6.json", "asn.json", "dns.json", "object-tags.json");

    private record IpService(IpRange range, List<URI> urls) {
    }

    private record AsnService(long first, long last, List<URI> urls) {
    }

    private final String origin;
    private final Map<String, String> publications;
    private final List<IpService> ip = new ArrayList<>();
    private final List<AsnService> asn = new ArrayList<>();
    private final Map<String, List<URI>> dns = new LinkedHashMap<>();
    private final Map<String, List<URI>> tags = new LinkedHashMap<>();

    private RdapBootstrap(String origin, Map<String, String> publications) {
        this.origin = origin;
        this.publications = publications;
    }

    /** The shipped snapshot: the five files in one resource, written by {@code releng/bootstrap-snapshot}. */
    static final String SNAPSHOT = "/bootstrap/iana-rdap-bootstrap.json";

    /** The snapshot shipped with Liaison (see {@code bootstrap/SOURCES.txt} in this bundle). */
    public static RdapBootstrap bundled() {
        try (InputStream in = RdapBootstrap.class.getResourceAsStream(SNAPSHOT)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + SNAPSHOT);
            }
            JsonNode snapshot = RdapClient.readJson("the shipped snapshot", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> files = new LinkedHashMap<>();
            for (String name : FILES) {
                if (snapshot.has(name)) {
                    files.put(name, snapshot.get(name).toString());
                }
            }
            return read("the shipped snapshot", files);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped " + SNAPSHOT, e);
        } catch (InputException e) {
            throw new IllegalStateException("the shipped bootstrap snapshot is broken: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the five files from a directory ({@code --bootstrap DIR}).
     *
     * @throws InputException naming the file when one is missing or malformed
     */
    public static RdapBootstrap load(Path dir) throws InputException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : FILES) {
            Path file = dir.resolve(name);
            try {
                files.put(name, Files.readString(file, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw new InputException(file.toString(), 0, 0, "missing: a bootstrap directory holds " + String.join(", ", FILES), e);
            } catch (IOException e) {
                throw new InputException(file.toString(), 0, 0, "cannot read: " + e.getMessage(), e);
            }
        }
        return read(dir.toString(), files);
    }

    /**
     * Reads the files' contents.
     *
     * @param origin where they came from, for messages
     * @param files  file name ({@link #FILES}) to JSON text; every file must be present
     */
    public static RdapBootstrap read(String origin, Map<String, String> files) throws InputException {
        Map<String, String> publications = new LinkedHashMap<>();
        RdapBootstrap b = new RdapBootstrap(origin, publications);
        for (String name : FILES) {
            String text = files.get(name);
            String input = origin + "/" + name;
            if (text == null) {
                throw new InputException(input, 0, 0, "missing");
            }
            JsonNode json = RdapClient.readJson(input, text);
            JsonNode services = json.get("services");
            if (!json.isObject() || services == null || !services.isArray()) {
                throw new InputException(input, 0, 0, "not an RDAP bootstrap file: no 'services' array");
            }
            publications.put(name, json.path("publication").asText(""));
            int i = 0;
            for (JsonNode service : services) {
                i++;
                boolean tagged = name.equals("object-tags.json");
                int arrays = tagged ? 3 : 2;
                if (!service.isArray() || service.size() != arrays) {
                    throw new InputException(input, 0, 0, "service " + i + " must be " + (tagged ? "[emails, tags, urls]" : "[entries, urls]"));
                }
                List<URI> urls = urls(input, i, service.get(arrays - 1));
                for (JsonNode entry : service.get(arrays - 2)) {
                    b.add(name, input, i, entry.asText(), urls);
                }
            }
        }
        return b;
    }

    private static List<URI> urls(String input, int service, JsonNode array) throws InputException {
        List<URI> urls = new ArrayList<>();
        if (!array.isArray() || array.isEmpty()) {
            throw new InputException(input, 0, 0, "service " + service + " names no URL");
        }
        for (JsonNode u : array) {
            String s = u.asText();
            try {
                URI uri = new URI(s.endsWith("/") ? s : s + "/");
                if (uri.getScheme() == null || uri.getHost() == null
                        || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                    throw new URISyntaxException(s, "not an http(s) URL");
                }
                urls.add(uri);
            } catch (URISyntaxException e) {
                throw new InputException(input, 0, 0, "service " + service + " has a bad URL '" + s + "'", e);
            }
        }
        // RFC 9224: prefer https when a service offers both
        urls.sort((a, c) -> Boolean.compare(!"https".equals(a.getScheme()), !"https".equals(c.getScheme())));
        return urls;
    }

    private void add(String file, String input, int service, String entry, List<URI> urls) throws InputException {
        try {
            switch (file) {
                case "ipv4.json", "ipv6.json" -> ip.add(new IpService(IpRange.parse(entry), urls));
                case "asn.json" -> {
                    String[] parts = entry.split("-");
                    long first = Long.parseLong(parts[0].strip());
                    asn.add(new AsnService(first, parts.length > 1 ? Long.parseLong(parts[1].strip()) : first, urls));
                }
                case "dns.json" -> dns.put(entry.toLowerCase(Locale.ROOT), urls);
                default -> tags.put(entry.toUpperCase(Locale.ROOT), urls);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(input, 0, 0, "service " + service + " has a bad entry '" + entry + "'", e);
        }
    }

    /** The base URL of the RDAP service for a resource (most specific entry), if the registries name one. */
    public Optional<URI> baseFor(Resource resource) {
        return switch (resource) {
            case IpAddress a -> ipBase(IpRange.of(a));
            case IpRange r -> ipBase(r);
            case Asn a -> asn.stream().filter(s -> a.number() >= s.first && a.number() <= s.last).findFirst().map(s -> s.urls.get(0));
            case DomainName d -> dnsBase(d.name());
            default -> Optional.empty();
        };
    }

    private Optional<URI> ipBase(IpRange range) {
        IpService best = null;
        for (IpService s : ip) {
            if (s.range.contains(range) && (best == null || s.range.size().compareTo(best.range.size()) < 0)) {
                best = s;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.urls.get(0));
    }

    private Optional<URI> dnsBase(String name) {
        String n = name;
        while (true) {
            List<URI> urls = dns.get(n);
            if (urls != null) {
                return Optional.of(urls.get(0));
            }
            int dot = n.indexOf('.');
            if (dot < 0) {
                List<URI> root = dns.get("");
                return root == null ? Optional.empty() : Optional.of(root.get(0));
            }
            n = n.substring(dot + 1);
        }
    }

    /** The base URL for an entity handle by its object tag ({@code ...-ARIN}, {@code ...-RIPE}), if tagged. */
    public Optional<URI> baseForEntity(String handle) {
        int dash = handle.lastIndexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        List<URI> urls = tags.get(handle.substring(dash + 1).toUpperCase(Locale.ROOT));
        return urls == null ? Optional.empty() : Optional.of(urls.get(0));
    }

    /** Where the files were read from. */
    public String origin() {
        return origin;
    }

    /** Each file's {@code publication} date as written in it. */
    public Map<String, String> publications() {
        return Map.copyOf(publications);
    }
}
