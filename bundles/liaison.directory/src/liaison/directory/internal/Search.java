package liaison.directory.internal;

import java.util.Locale;
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

    /** Whether a constituency names the resource: its address in a range, its AS, its domain under a listed one. */
    static boolean covers(Constituency c, Resource r) {
        return switch (r) {
            case IpAddress ip -> c.ranges().stream().anyMatch(range -> range.contains(ip));
            case IpRange range -> c.ranges().stream().anyMatch(x -> x.contains(range));
            case Asn asn -> c.asns().contains(asn);
            case DomainName name -> c.domains().stream().anyMatch(pattern -> domainMatches(pattern, name.name()));
            case EmailAddress mail -> c.domains().stream().anyMatch(pattern -> domainMatches(pattern, mail.domain()));
        };
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
