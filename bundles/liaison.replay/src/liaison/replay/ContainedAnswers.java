package liaison.replay;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import liaison.api.model.Asn;
import liaison.api.model.DomainName;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;

/**
 * Whois answers served by containment, the way a registry answers: a query for an address gets the
 * answer of the most specific recorded range holding it, a query for an AS number the answer of the
 * recorded AS block holding it, a query for a name (handle, organisation id, domain) the answer
 * recorded under that name — for a domain, else under its nearest parent (IANA answers for a
 * top-level domain). A query is read by its last word, without JPNIC's {@code /e}, so the
 * registries' own query syntax ({@code n + 192.0.2.1}, {@code -c 192.0.2.1}, {@code 192.0.2.1/e})
 * works as well as a bare address. Thread-safe once built.
 */
public final class ContainedAnswers {

    private record Ranged(BigInteger first, BigInteger last, boolean v4, String answer) {
        BigInteger size() {
            return last.subtract(first);
        }
    }

    private record AsBlock(long first, long last, String answer) {
    }

    private final List<Ranged> ranges = new ArrayList<>();
    private final List<AsBlock> asBlocks = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();

    /** Answers queries for addresses and prefixes inside the range. */
    public synchronized ContainedAnswers range(IpRange range, String answer) {
        ranges.add(new Ranged(range.first().toBigInteger(), range.last().toBigInteger(), range.first().isV4(), answer));
        return this;
    }

    /** Answers queries for AS numbers from {@code first} to {@code last}. */
    public synchronized ContainedAnswers asBlock(long first, long last, String answer) {
        asBlocks.add(new AsBlock(first, last, answer));
        return this;
    }

    /** Answers queries for the name (case-insensitive): a domain, a handle, an organisation id. */
    public synchronized ContainedAnswers name(String name, String answer) {
        names.put(name.toLowerCase(Locale.ROOT), answer);
        return this;
    }

    /** The answer to a query line, or null when nothing recorded covers it. */
    public synchronized String answer(String query) {
        String word = Responders.lastWord(query);
        String named = names.get(word.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        Resource r;
        try {
            r = Resource.parse(word);
        } catch (IllegalArgumentException e) {
            r = word.chars().allMatch(Character::isDigit) && !word.isEmpty() ? new Asn(Long.parseLong(word)) : null;
        }
        return switch (r) {
            case IpAddress a -> smallest(IpRange.of(a));
            case IpRange g -> smallest(g);
            case DomainName d -> d.parents().stream().map(names::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            case Asn a -> asBlocks.stream().filter(b -> a.number() >= b.first && a.number() <= b.last)
                    .min((x, y) -> Long.compare(x.last - x.first, y.last - y.first)).map(AsBlock::answer).orElse(null);
            case null, default -> null;
        };
    }

    private String smallest(IpRange query) {
        BigInteger first = query.first().toBigInteger();
        BigInteger last = query.last().toBigInteger();
        Ranged best = null;
        for (Ranged r : ranges) {
            if (r.v4 == query.first().isV4() && r.first.compareTo(first) <= 0 && r.last.compareTo(last) >= 0
                    && (best == null || r.size().compareTo(best.size()) < 0)) {
                best = r;
            }
        }
        return best == null ? null : best.answer;
    }

    /** A responder writing the contained answer in the charset, else {@code notFound}. */
    public WhoisReplay.Responder responder(Charset charset, String notFound) {
        return (query, out, socket) -> {
            String a = answer(query);
            out.write((a != null ? a : notFound).getBytes(charset));
        };
    }
}
