package liaison.constituency.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import liaison.api.LiaisonException;
import liaison.api.model.Asn;
import liaison.api.model.DomainName;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;
import liaison.constituency.Claim;
import liaison.constituency.Claim.Kind;
import liaison.constituency.Claim.Layer;
import liaison.constituency.ConstituencyIndex;
import liaison.constituency.Dataset;
import liaison.constituency.IndexedObject;
import liaison.constituency.Mapping;
import liaison.constituency.RangeScope;
import liaison.rpsl.RpslObject;

/** An opened index directory: answers from the current {@link Snapshot}, switching on {@link #refresh()}. */
final class IndexHandle implements ConstituencyIndex {

    private static final int REGISTRY = Layer.REGISTRY.ordinal();
    private static final int DIRECTORY = Layer.DIRECTORY.ordinal();
    private static final int STATISTICS = Layer.STATISTICS.ordinal();
    private static final int MAX_MORE_SPECIFIC = 10_000;
    private static final int CACHE_LIMIT = 200_000;

    private final Path dir;
    private volatile State state;

    /** A snapshot and the claims already rendered from it. */
    private record State(Snapshot snapshot, ConcurrentMap<Long, Claim> claims) {
    }

    IndexHandle(Path dir) throws LiaisonException {
        this.dir = dir;
        this.state = new State(openSnapshot(), new ConcurrentHashMap<>());
    }

    private Snapshot openSnapshot() throws LiaisonException {
        try {
            return Snapshot.open(dir);
        } catch (IOException e) {
            throw new LiaisonException("cannot open the constituency index in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path location() {
        return dir;
    }

    @Override
    public List<Dataset> datasets() {
        return state.snapshot().datasets.stream().map(DatasetEntry::dataset).toList();
    }

    @Override
    public long ranges() {
        long n = 0;
        for (RangeTable t : state.snapshot().tables) {
            n += t.n;
        }
        return n;
    }

    /** Bytes of the range tables, for the index memory figure. */
    long tableBytes() {
        long n = 0;
        for (RangeTable t : state.snapshot().tables) {
            n += t.bytes();
        }
        return n;
    }

    @Override
    public boolean refresh() throws LiaisonException {
        String current;
        try {
            current = Snapshot.current(dir);
        } catch (IOException e) {
            throw new LiaisonException("cannot read " + dir.resolve(IndexFormat.CURRENT) + ": " + e.getMessage(), e);
        }
        if (Objects.equals(current, state.snapshot().indexFile)) {
            return false;
        }
        state = new State(openSnapshot(), new ConcurrentHashMap<>());
        return true;
    }

    // ---- the hot path: one search per question

    /** The smallest registry range holding the IPv4 address, -1 when none (benchmarked directly). */
    int smallestV4(int address) {
        return state.snapshot().table(REGISTRY, IndexFormat.V4).find(address);
    }

    private static int family(IpAddress a) {
        return a.isV4() ? IndexFormat.V4 : IndexFormat.V6;
    }

    private static int find(RangeTable t, IpAddress a) {
        long[] w = Ip.words(a);
        return t.find(w[0], w[1]);
    }

    @Override
    public Optional<Claim> smallest(IpAddress address) {
        State s = state;
        RangeTable t = s.snapshot().table(REGISTRY, family(address));
        int id = find(t, address);
        return id < 0 ? Optional.empty() : Optional.of(claim(s, REGISTRY, family(address), id, 0));
    }

    @Override
    public Optional<Claim> irtRange(IpAddress address) {
        State s = state;
        RangeTable t = s.snapshot().table(REGISTRY, family(address));
        int id = find(t, address);
        int owner = id < 0 ? -1 : t.irtOwner(id);
        return owner < 0 ? Optional.empty() : Optional.of(claim(s, REGISTRY, family(address), owner, 0));
    }

    @Override
    public Optional<String> abuseMailbox(Resource resource) {
        Snapshot s = state.snapshot();
        int[] hit = registryHit(s, resource);
        return hit == null ? Optional.empty() : Optional.ofNullable(s.string(s.table(REGISTRY, hit[0]).abuse(hit[1])));
    }

    /** The family and id of the smallest registry range holding an address, range or ASN; null when none. */
    private static int[] registryHit(Snapshot s, Resource resource) {
        int family;
        int id;
        if (resource instanceof IpAddress a) {
            family = family(a);
            id = find(s.table(REGISTRY, family), a);
        } else if (resource instanceof IpRange r) {
            family = family(r.first());
            id = containing(s.table(REGISTRY, family), r);
        } else if (resource instanceof Asn asn) {
            family = IndexFormat.ASN;
            id = s.table(REGISTRY, family).find(0, asn.number());
        } else {
            return null;
        }
        return id < 0 ? null : new int[] { family, id };
    }

    /** The smallest range of the table containing the whole range, -1 when none. */
    private static int containing(RangeTable t, IpRange r) {
        long[] f = Ip.words(r.first());
        long[] l = Ip.words(r.last());
        int id = t.find(f[0], f[1]);
        while (id >= 0 && !t.contains(id, f[0], f[1], l[0], l[1])) {
            id = t.parent(id);
        }
        return id;
    }

    @Override
    public Mapping map(IpAddress address) {
        State s = state;
        Snapshot snap = s.snapshot();
        int family = family(address);
        RangeTable t = snap.table(REGISTRY, family);
        int id = find(t, address);
        Claim inetnum = id < 0 ? null : claim(s, REGISTRY, family, id, 0);
        String irt = id < 0 ? null : snap.string(t.irt(id));
        String abuse = id < 0 ? null : snap.string(t.abuse(id));
        long[] w = Ip.words(address);
        return new Mapping(address.isV4() ? address.text() : Ip.v6(w[0], w[1]), inetnum, irt, irt == null ? null : irtEmail(snap, irt), abuse, claims(address));
    }

    /** The irt's abuse-mailbox, else its first e-mail, as recorded at import; null when the irt is not loaded. */
    String irtEmail(String irt) {
        return irtEmail(state.snapshot(), irt);
    }

    private static String irtEmail(Snapshot s, String irt) {
        for (int e : s.keyEntries(irt)) {
            if ("irt".equals(s.keyType(e))) {
                return s.keyAttr(e);
            }
        }
        return null;
    }

    // ---- claims (query d)

    @Override
    public List<Claim> claims(Resource resource) {
        State s = state;
        Snapshot snap = s.snapshot();
        List<Claim> out = new ArrayList<>();
        String country = null;
        if (resource instanceof IpAddress || resource instanceof IpRange) {
            IpRange r = resource instanceof IpAddress a ? IpRange.of(a) : (IpRange) resource;
            int family = family(r.first());
            List<int[]> hits = new ArrayList<>();
            for (int layer : new int[] { REGISTRY, DIRECTORY, STATISTICS }) {
                hits.addAll(chain(snap.table(layer, family), layer, r));
            }
            hits.sort(Comparator.<int[], BigInteger>comparing(h -> size(snap.table(h[0], family), h[1]))
                    .thenComparingInt(h -> h[0]));
            for (int[] h : hits) {
                out.add(claim(s, h[0], family, h[1], h[2]));
            }
            country = countryOf(out);
        } else if (resource instanceof Asn asn) {
            for (int layer : new int[] { REGISTRY, DIRECTORY, STATISTICS }) {
                RangeTable t = snap.table(layer, IndexFormat.ASN);
                int level = 0;
                for (int id = t.find(0, asn.number()); id >= 0; id = t.parent(id)) {
                    out.add(claim(s, layer, IndexFormat.ASN, id, level++));
                }
            }
            country = countryOf(out);
        } else if (resource instanceof DomainName d) {
            List<String> names = new ArrayList<>();
            names.add(d.name());
            names.addAll(d.parents());
            int level = 0;
            for (String suffix : names) {
                for (String attr : snap.teamDomains.getOrDefault(suffix, List.of())) {
                    out.add(teamClaim(snap, Kind.DOMAIN, suffix, attr, level,
                            "team claims the domain suffix " + suffix + (level == 0 ? "" : " (" + level + " label(s) above the name)")));
                }
                level++;
            }
        }
        if (country != null) {
            for (String attr : snap.teamCountries.getOrDefault(country, List.of())) {
                out.add(teamClaim(snap, Kind.COUNTRY, country, attr, 0, "team claims the country " + country
                        + ", where the registry places this resource"));
            }
        }
        return Explainer.explain(out);
    }

    /** Layer, id and level of every range of a table covering the range: the chain upwards and any overlapping ones. */
    private static List<int[]> chain(RangeTable t, int layer, IpRange r) {
        List<int[]> out = new ArrayList<>();
        long[] f = Ip.words(r.first());
        long[] l = Ip.words(r.last());
        Set<Integer> seen = new LinkedHashSet<>();
        int level = 0;
        for (int id = containing(t, r); id >= 0; id = t.parent(id)) {
            seen.add(id);
            out.add(new int[] { layer, id, level++ });
        }
        for (int id : t.overlaps) {
            if (!seen.contains(id) && t.contains(id, f[0], f[1], l[0], l[1])) {
                out.add(new int[] { layer, id, level++ });
            }
        }
        return out;
    }

    private static BigInteger unsigned(long hi, long lo) {
        return new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo)));
    }

    private static BigInteger size(RangeTable t, int id) {
        return unsigned(t.lastHi(id), t.lastLo(id)).subtract(unsigned(t.firstHi(id), t.firstLo(id)));
    }

    /** The country of the resource: the statistics' country, else the most specific registry object's. */
    private static String countryOf(List<Claim> claims) {
        return claims.stream().filter(c -> c.layer() == Layer.STATISTICS && c.country() != null && !c.country().isEmpty())
                .map(Claim::country).findFirst()
                .or(() -> claims.stream().filter(c -> c.layer() == Layer.REGISTRY && c.country() != null).map(Claim::country)
                        .findFirst())
                .map(c -> c.length() > 2 ? c.substring(0, 2) : c).orElse(null);
    }

    private Claim claim(State s, int layer, int family, int id, int level) {
        long key = ((long) IndexFormat.table(layer, family) << 32) | id;
        Claim base = s.claims().get(key);
        if (base == null) {
            base = render(s.snapshot(), layer, family, id);
            if (s.claims().size() > CACHE_LIMIT) {
                s.claims().clear();
            }
            s.claims().put(key, base);
        }
        return level == 0 ? base : new Claim(base.layer(), base.kind(), base.resource(), base.objectType(), base.owner(),
                base.mntIrt(), base.irt(), base.abuseC(), base.org(), base.netname(), base.country(), base.status(),
                base.contact(), base.source(), base.dataset(), base.imported(), level, base.note());
    }

    private static Claim render(Snapshot s, int layer, int family, int id) {
        RangeTable t = s.table(layer, family);
        Kind kind = family == IndexFormat.ASN ? Kind.ASN : Kind.PREFIX;
        String range = family == IndexFormat.V6 ? Ip.v6Range(t.firstHi(id), t.firstLo(id), t.lastHi(id), t.lastLo(id))
                : family == IndexFormat.V4 ? Ip.v4Range(t.firstLo(id), t.lastLo(id))
                : t.firstLo(id) == t.lastLo(id) ? "AS" + t.firstLo(id) : "AS" + t.firstLo(id) + " - AS" + t.lastLo(id);
        if (layer == DIRECTORY) {
            return teamClaim(s, kind, range, s.string(t.attr(id)), 0, null);
        }
        if (layer == STATISTICS) {
            String[] f = s.string(t.attr(id)).split("\\|", -1);
            DatasetEntry d = datasetOfStatistics(s, f[0]);
            return new Claim(Layer.STATISTICS, kind, range, "delegated", f[0], List.of(), null, null, null, null,
                    f[1].isEmpty() ? null : f[1], f[2], null, f[0], d == null ? null : d.dataset().name(),
                    d == null ? null : date(d), 0, null);
        }
        long ref = t.object(id);
        RpslObject o = s.object(ref);
        DatasetEntry d = s.dataset(ref);
        String netname = o.get("netname").or(() -> o.get("as-name")).orElse(null);
        String org = o.get("org").orElse(null);
        return new Claim(Layer.REGISTRY, kind, o.key(), o.type(), org != null ? org : netname, o.getList("mnt-irt"),
                s.string(t.irt(id)), o.get("abuse-c").orElse(null), org, netname, o.get("country").orElse(null),
                o.get("status").orElse(null), s.string(t.abuse(id)), o.get("source").map(v -> v.split("#")[0].strip()).orElse(null),
                d.dataset().name(), date(d), 0, null);
    }

    private static DatasetEntry datasetOfStatistics(Snapshot s, String registry) {
        return s.datasets.stream().filter(d -> "delegated".equals(d.dataset().kind()) && d.dataset().sources().contains(registry))
                .reduce((a, b) -> b).orElse(null);
    }

    private static Claim teamClaim(Snapshot s, Kind kind, String resource, String attr, int level, String note) {
        String[] f = attr.split("\\|", -1);
        DatasetEntry d = s.datasets.stream().filter(e -> e.dataset().name().equals(f[3])).findFirst().orElse(null);
        return new Claim(Layer.DIRECTORY, kind, resource, "team", f[1], List.of(), null, null, null, null,
                kind == Kind.COUNTRY ? resource : null, null, f[2].isEmpty() ? null : f[2], f[3],
                d == null ? f[3] : d.dataset().name(), d == null ? null : date(d), level, note);
    }

    private static LocalDate date(DatasetEntry d) {
        return LocalDate.ofInstant(d.dataset().imported(), ZoneOffset.UTC);
    }

    // ---- whois support

    @Override
    public List<IndexedObject> ranges(IpRange query, RangeScope scope) {
        Snapshot s = state.snapshot();
        int family = family(query.first());
        RangeTable t = s.table(REGISTRY, family);
        long[] f = Ip.words(query.first());
        long[] l = Ip.words(query.last());
        int c = containing(t, query);
        int exact = c >= 0 && RangeTable.compare(t.firstHi(c), t.firstLo(c), f[0], f[1]) == 0
                && RangeTable.compare(t.lastHi(c), t.lastLo(c), l[0], l[1]) == 0 ? c : -1;
        List<Integer> ids = new ArrayList<>();
        switch (scope) {
            case SMALLEST -> ids.add(c);
            case EXACT -> ids.add(exact);
            case ONE_LESS -> ids.add(exact >= 0 ? t.parent(exact) : c);
            case ALL_LESS -> {
                for (int id = c; id >= 0; id = t.parent(id)) {
                    ids.add(0, id);
                }
            }
            case IRT -> ids.add(c >= 0 ? t.irtOwner(c) : -1);
            case ONE_MORE, ALL_MORE -> {
                for (int i = t.lowerBound(f[0], f[1]); i < t.n && ids.size() < MAX_MORE_SPECIFIC
                        && RangeTable.compare(t.firstHi(i), t.firstLo(i), l[0], l[1]) <= 0; i++) {
                    boolean inside = RangeTable.compare(t.lastHi(i), t.lastLo(i), l[0], l[1]) <= 0 && i != exact;
                    if (!inside) {
                        continue;
                    }
                    int p = t.parent(i);
                    boolean parentInside = p >= 0 && RangeTable.compare(t.firstHi(p), t.firstLo(p), f[0], f[1]) >= 0
                            && RangeTable.compare(t.lastHi(p), t.lastLo(p), l[0], l[1]) <= 0;
                    boolean top = p < 0 || p == exact || !parentInside;
                    if (scope == RangeScope.ALL_MORE || top) {
                        ids.add(i);
                    }
                }
            }
        }
        List<IndexedObject> out = new ArrayList<>();
        for (int id : ids) {
            if (id >= 0) {
                long ref = t.object(id);
                out.add(new IndexedObject(s.object(ref), s.dataset(ref).dataset().name(), s.string(t.abuse(id))));
            }
        }
        return out;
    }

    @Override
    public List<IndexedObject> objects(String key) {
        Snapshot s = state.snapshot();
        List<IndexedObject> out = new ArrayList<>();
        for (int e : s.keyEntries(key)) {
            long ref = s.keyObject(e);
            RpslObject o = s.object(ref);
            String abuse = null;
            if ("aut-num".equals(s.keyType(e))) {
                RangeTable t = s.table(REGISTRY, IndexFormat.ASN);
                int id = t.find(0, Asn.parse(o.key()).number());
                abuse = id < 0 ? null : s.string(t.abuse(id));
            }
            out.add(new IndexedObject(o, s.dataset(ref).dataset().name(), abuse));
        }
        return out;
    }

    @Override
    public void close() {
        // mapped snapshots are released with their last reference
    }
}
