package liaison.api.model;

import java.util.List;

/**
 * What a team says it serves: constituency types ("ISP customers", "national government"), ASNs,
 * domains, IP ranges and countries (ISO 3166 alpha-2).
 */
public record Constituency(List<String> types, List<Asn> asns, List<String> domains, List<IpRange> ranges,
        List<String> countries) {

    public static final Constituency EMPTY = new Constituency(List.of(), List.of(), List.of(), List.of(), List.of());

    public Constituency {
        types = types == null ? List.of() : List.copyOf(types);
        asns = asns == null ? List.of() : List.copyOf(asns);
        domains = domains == null ? List.of() : List.copyOf(domains);
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        countries = countries == null ? List.of() : List.copyOf(countries);
    }

    public boolean isEmpty() {
        return types.isEmpty() && asns.isEmpty() && domains.isEmpty() && ranges.isEmpty() && countries.isEmpty();
    }
}
