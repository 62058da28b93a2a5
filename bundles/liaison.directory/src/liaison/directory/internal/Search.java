package liaison.directory.internal;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import liaison.api.model.Asn;
import liaison.api.model.Constituency;
import liaison.api.model.DomainName;
import liaison.api.model.EmailAddress;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;
import liaison.api.model.Resource;
import liaison.api.model.Team;
import liaison.directory.DirectoryTeam;

/** {@code directory search}: text in names, handles and addresses, or a resource in a constituency. */
final class Search {

    private Search() {
    }

    static boolean matches(DirectoryTeam d, String needle, Resource resource) {
        Team t = d.team();
        boolean text = Stream.concat(Stream.of(t.shortName(), t.officialName(), t.hostOrganisation(), t.tiHandle(),
                t.firstId(), t.irtObject()), Stream.concat(t.emails().stream(), t.constituency().domains().stream()))
                .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(needle));
        return text || resource != null && covers(t.constituency(), resource);
    }

    /**
     * The constituency entry that covers the resource most closely: the smallest range holding the
     * address, the AS number, the longest domain above the name.
     *
     * @param entry     the entry as written ({@code 103.1.0.0/22}, {@code AS760}, {@code *.ac.at})
     * @param closeness smaller is closer: the range's size, 1 for an AS, 1 / length for a domain
     */
    record Match(String entry, double closeness) {
    }

    static Optional<Match> bestMatch(Constituency c, Resource r) {
        return switch (r) {
            case IpAddress ip -> c.ranges().stream().filter(x -> x.contains(ip)).map(x -> new Match(x.text(), x.size().doubleValue()))
                    .min(Comparator.comparingDouble(Match::closeness));
            case IpRange range -> c.ranges().stream().filter(x -> x.contains(range))
                    .map(x -> new Match(x.text(), x.size().doubleValue())).min(Comparator.comparingDouble(Match::closeness));
            case Asn asn -> c.asns().contains(asn) ? Optional.of(new Match(asn.text(), 1)) : Optional.empty();
            case DomainName name -> domain(c, name.name());
            case EmailAddress mail -> domain(c, mail.domain());
        };
    }

    private static Optional<Match> domain(Constituency c, String name) {
        return c.domains().stream().filter(p -> domainMatches(p, name)).map(p -> new Match(p, 1.0 / p.length()))
                .min(Comparator.comparingDouble(Match::closeness));
    }

    static boolean covers(Constituency c, Resource r) {
        return bestMatch(c, r).isPresent();
    }

    /** {@code *.ac.at} covers {@code univie.ac.at}; {@code cert.at} covers itself and its subdomains. */
    static boolean domainMatches(String pattern, String domain) {
        String p = pattern.strip().toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            p = p.substring(2);
            return domain.endsWith("." + p);
        }
        return domain.equals(p) || domain.endsWith("." + p);
    }
}
