package liaison.resolve.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.api.model.Asn;
import liaison.api.model.DomainName;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;

/**
 * Registry answers cached by the range they cover, so an address inside a range already asked about
 * costs no query. Kept in memory and in a JSON Lines journal in the workspace ({@code cache/resolve/
 * answers.jsonl}) so later runs profit too; entries expire after a TTL. A line that cannot be read
 * (a write cut short by a crash) is skipped, never the whole cache.
 */
final class AnswerCache {

    private static final Logger LOG = Logger.getLogger(AnswerCache.class.getName());

    /** One cached answer of a lookup chain. */
    record StoredAnswer(int hop, boolean followUp, String reason, String server, String query, String text) {
    }

    /**
     * What one lookup learned, and which resources it answers for.
     *
     * @param protocol {@code whois} or {@code rdap}
     * @param kind     {@code ip4}, {@code ip6}, {@code asn}, {@code domain}
     * @param first    first covered value (address as a number, AS number); null for domains
     * @param last     last covered value; null for domains
     * @param name     the domain name for domains, else null
     * @param stored   when it was stored (epoch milliseconds)
     * @param expires  when it expires (epoch milliseconds)
     */
    record Entry(String protocol, String kind, BigInteger first, BigInteger last, String name, long stored, long expires,
            List<StoredAnswer> answers) {

        boolean covers(Key key) {
            if (!kind.equals(key.kind)) {
                return false;
            }
            if (name != null) {
                return name.equals(key.name);
            }
            return first.compareTo(key.first) <= 0 && last.compareTo(key.last) >= 0;
        }

        boolean expired(Instant now) {
            return now.toEpochMilli() >= expires;
        }
    }

    /** What a resource is looked up by. */
    record Key(String kind, BigInteger first, BigInteger last, String name) {
        static Optional<Key> of(Resource r) {
            return switch (r) {
                case IpAddress a -> Optional.of(new Key(a.isV4() ? "ip4" : "ip6", a.toBigInteger(), a.toBigInteger(), null));
                case IpRange g -> Optional.of(new Key(g.first().isV4() ? "ip4" : "ip6", g.first().toBigInteger(),
                        g.last().toBigInteger(), null));
                case Asn a -> Optional.of(new Key("asn", BigInteger.valueOf(a.number()), BigInteger.valueOf(a.number()), null));
                case DomainName d -> Optional.of(new Key("domain", null, null, d.name().toLowerCase(Locale.ROOT)));
                default -> Optional.empty();
            };
        }
    }

    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Path file;
    private final Duration ttl;
    private final Clock clock;
    /** protocol + kind → entries by first value; each list holds entries with the same start. */
    private final Map<String, NavigableMap<BigInteger, List<Entry>>> ranges = new HashMap<>();
    private final Map<String, BigInteger> widest = new HashMap<>();
    private final Map<String, Entry> names = new HashMap<>();
    private boolean loaded;

    AnswerCache(Path file, Duration ttl, Clock clock) {
        this.file = file;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * The most specific entry covering the resource.
     *
     * @param allowExpired true in offline mode: an old answer is better than none
     */
    synchronized Optional<Entry> find(String protocol, Resource resource, boolean allowExpired) {
        load();
        Optional<Key> key = Key.of(resource);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Key k = key.get();
        Instant now = clock.instant();
        Entry found;
        if (k.name != null) {
            found = names.get(protocol + " " + k.name);
        } else {
            found = mostSpecific(protocol + " " + k.kind, k);
        }
        if (found == null || !allowExpired && found.expired(now)) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    private Entry mostSpecific(String map, Key k) {
        NavigableMap<BigInteger, List<Entry>> m = ranges.get(map);
        if (m == null) {
            return null;
        }
        BigInteger floorLimit = k.first.subtract(widest.getOrDefault(map, BigInteger.ZERO));
        Entry best = null;
        for (var e : m.headMap(k.first, true).descendingMap().entrySet()) {
            if (e.getKey().compareTo(floorLimit) < 0) {
                break; // no cached range is wide enough to reach from further down
            }
            for (Entry candidate : e.getValue()) {
                if (candidate.covers(k) && (best == null || size(candidate).compareTo(size(best)) < 0)) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private static BigInteger size(Entry e) {
        return e.last.subtract(e.first);
    }

    /** Stores what a lookup learned, in memory and in the journal. */
    synchronized Entry put(String protocol, String kind, BigInteger first, BigInteger last, String name, List<StoredAnswer> answers) {
        load();
        Instant now = clock.instant();
        Entry e = new Entry(protocol, kind, first, last, name, now.toEpochMilli(), now.plus(ttl).toEpochMilli(), answers);
        index(e);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json.writeValueAsString(e) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "cannot write the resolver cache " + file + ": " + ex.getMessage(), ex);
        }
        return e;
    }

    synchronized int size() {
        load();
        return names.size() + ranges.values().stream().mapToInt(m -> m.values().stream().mapToInt(List::size).sum()).sum();
    }

    private void index(Entry e) {
        if (e.name != null) {
            names.put(e.protocol + " " + e.name, e);
            return;
        }
        String map = e.protocol + " " + e.kind;
        List<Entry> same = ranges.computeIfAbsent(map, k -> new TreeMap<>()).computeIfAbsent(e.first, k -> new ArrayList<>());
        same.removeIf(old -> old.last.equals(e.last));
        same.add(e);
        widest.merge(map, size(e), BigInteger::max);
    }

    /** Reads the journal once; drops expired entries and rewrites it when they are most of it. */
    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        Instant now = clock.instant();
        int read = 0;
        int expired = 0;
        int broken = 0;
        List<String> keep = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null;) {
                if (line.isBlank()) {
                    continue;
                }
                read++;
                try {
                    Entry e = json.readValue(line, Entry.class);
                    if (e.expired(now.minus(ttl))) {
                        expired++; // kept a TTL past expiry for offline use, then dropped
                        continue;
                    }
                    index(e);
                    keep.add(line);
                } catch (JsonProcessingException | IllegalArgumentException | NullPointerException ex) {
                    broken++;
                }
            }
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read the resolver cache " + file + ": " + e.getMessage(), e);
            return;
        }
        if (broken > 0) {
            LOG.warning(file + ": " + broken + " unreadable line(s) skipped");
        }
        if (expired + broken > read / 2 && expired + broken > 0) {
            compact(keep);
        }
    }

    private void compact(List<String> lines) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot compact the resolver cache " + file + ": " + e.getMessage(), e);
        }
    }
}
