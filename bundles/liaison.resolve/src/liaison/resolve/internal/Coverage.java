package liaison.resolve.internal;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import liaison.api.model.Asn;
import liaison.api.model.DomainName;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;
import liaison.rdap.RdapObject;
import liaison.whois.NetworkRecord;
import liaison.whois.WhoisTrail;

/**
 * Which resources an answer speaks for, so the cache can answer for them: the most specific object
 * holding the resource. An allocation may have assignments below it that the answer did not show (the
 * registry returns only the most specific object for the address asked), so for allocations, and for
 * objects of unknown status, the cover is narrowed to the /24 (IPv4) or /48 (IPv6) around the
 * address.
 */
final class Coverage {

    /** A covered span: kind ({@code ip4}, {@code ip6}, {@code asn}, {@code domain}) and bounds or name. */
    record Span(String kind, BigInteger first, BigInteger last, String name) {
    }

    private static final Pattern SUBDELEGATED = Pattern.compile("ALLOCAT|LIR-PARTITIONED|AGGREGATED|REALLOCATED|PARTITION",
            Pattern.CASE_INSENSITIVE);

    private Coverage() {
    }

    static Optional<Span> of(WhoisTrail trail, Resource resource) {
        if (trail.hops().isEmpty()) {
            return Optional.empty();
        }
        var answer = trail.hops().get(WhoisCandidates.authoritative(trail)).answer();
        List<NetworkRecord> nets = WhoisCandidates.holding(answer, resource);
        if (answer.notFound() || nets.isEmpty()) {
            return Optional.empty();
        }
        NetworkRecord n = nets.get(0);
        return span(resource, n.range(), n.asFirst(), n.asLast(), n.status());
    }

    static Optional<Span> of(RdapObject o, Resource resource) {
        return span(resource, o.range(), o.asFirst(), o.asLast(), o.type());
    }

    private static Optional<Span> span(Resource resource, IpRange range, Long asFirst, Long asLast, String status) {
        return switch (resource) {
            case IpAddress a -> ip(a, range, status);
            case IpRange r -> range != null && range.contains(r)
                    ? ip(r.first(), range, status).filter(s -> s.last.compareTo(r.last().toBigInteger()) >= 0)
                    : Optional.empty();
            case Asn a -> asFirst != null && asLast != null && a.number() >= asFirst && a.number() <= asLast
                    ? Optional.of(new Span("asn", BigInteger.valueOf(asFirst), BigInteger.valueOf(asLast), null))
                    : Optional.of(new Span("asn", BigInteger.valueOf(a.number()), BigInteger.valueOf(a.number()), null));
            case DomainName d -> Optional.of(new Span("domain", null, null, d.name().toLowerCase(Locale.ROOT)));
            default -> Optional.empty();
        };
    }

    private static Optional<Span> ip(IpAddress a, IpRange range, String status) {
        if (range == null || !range.contains(a)) {
            return Optional.empty();
        }
        int bits = a.isV4() ? 32 : 128;
        int block = a.isV4() ? 24 : 48;
        BigInteger first = range.first().toBigInteger();
        BigInteger last = range.last().toBigInteger();
        boolean wide = range.size().compareTo(BigInteger.ONE.shiftLeft(bits - block)) > 0;
        if (wide && (status == null || SUBDELEGATED.matcher(status).find())) {
            BigInteger mask = BigInteger.ONE.shiftLeft(bits - block).subtract(BigInteger.ONE);
            BigInteger v = a.toBigInteger();
            first = first.max(v.andNot(mask));
            last = last.min(v.or(mask));
        }
        return Optional.of(new Span(a.isV4() ? "ip4" : "ip6", first, last, null));
    }
}
