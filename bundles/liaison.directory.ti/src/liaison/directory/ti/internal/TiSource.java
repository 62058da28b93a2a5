package liaison.directory.ti.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;

import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.api.directory.SourceSnapshot;
import liaison.api.model.Asn;
import liaison.api.model.ChannelType;
import liaison.api.model.Constituency;
import liaison.api.model.ContactChannel;
import liaison.api.model.IpRange;
import liaison.api.model.PgpKey;
import liaison.api.model.Team;
import liaison.directory.source.JsonInput;
import liaison.directory.source.SourceInput;

/**
 * Trusted Introducer's directory export ({@code https://www.trusted-introducer.org/directory/teams.json}):
 * a JSON array with one object per listed, accredited or certified team, including its constituency
 * (ASNs, domains, IP ranges, countries). Teams are keyed by their short name, which TI keeps unique.
 */
@Component
public class TiSource implements DirectorySource {

    @Override
    public String id() {
        return "ti";
    }

    @Override
    public String description() {
        return "Trusted Introducer directory (teams.json), file or URL";
    }

    @Override
    public SourceSnapshot read(URI location, ProgressListener progress) throws LiaisonException {
        String input = SourceInput.display(location);
        JsonInput.Document doc = JsonInput.read(input, SourceInput.fetch(location), null);
        List<Team> teams = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonInput.Element e : doc.elements()) {
            JsonNode o = e.node();
            if (!o.isObject()) {
                throw doc.error(e, "team", "not a JSON object; is this a TI teams.json?");
            }
            String shortName = JsonInput.text(o, "short_name");
            if (shortName == null) {
                throw doc.error(e, "team", "no short_name; is this a TI teams.json?");
            }
            if (!keys.add(shortName)) {
                throw doc.error(e, "team", "short_name '" + shortName + "' appears twice");
            }
            Fields f = new Fields(input, e, shortName, warnings);
            teams.add(f.team(o));
            progress.worked(teams.size(), doc.elements().size(), shortName);
        }
        return new SourceSnapshot(id(), input, Instant.now(), teams, warnings);
    }

    /** Reads one team; an optional value that cannot be read becomes a warning, not a failure. */
    private record Fields(String input, JsonInput.Element element, String name, List<String> warnings) {

        Team team(JsonNode o) {
            Team.Builder b = Team.builder(name).shortName(name).officialName(JsonInput.text(o, "official_name"))
                    .hostOrganisation(JsonInput.text(o, "host_organisation")).country(JsonInput.text(o.path("country"), "code"))
                    .established(parse("established", JsonInput.text(o, "established"), LocalDate::parse))
                    .postalAddress(JsonInput.text(o, "postal_address"))
                    .businessHours(JsonInput.text(o, "business_hours"))
                    .timeZone(parse("business_hours_timezone", JsonInput.text(o, "business_hours_timezone"), ZoneId::of));
            JsonNode classification = o.path("classification");
            String level = JsonInput.text(classification, "name");
            if (level != null) {
                b.tiClassification(level.toLowerCase(Locale.ROOT));
                b.tiSince(parse("classification.since", JsonInput.text(classification, "since"), LocalDate::parse));
            }
            b.constituency(constituency(o.path("constituency")));
            for (JsonNode k : o.path("pgp_keys")) {
                String fp = JsonInput.text(k, "fingerprint");
                if (fp != null) {
                    LocalDate expires = parse("pgp_keys.expires", JsonInput.text(k, "expires"), LocalDate::parse);
                    b.pgpKey(new PgpKey(fp, expires == null ? null : expires.atStartOfDay(ZoneOffset.UTC).toInstant(),
                            JsonInput.text(k, "key")));
                }
            }
            for (JsonNode p : o.path("phones")) {
                String number = JsonInput.text(p, "number");
                if (number == null) {
                    continue;
                }
                List<String> usage = new ArrayList<>();
                p.path("usage").forEach(u -> usage.add(u.asText()));
                ChannelType type = usage.contains("fax") ? ChannelType.FAX
                        : usage.contains("emergency") ? ChannelType.EMERGENCY_PHONE : ChannelType.PHONE;
                b.channel(new ContactChannel(type, number, usage.isEmpty() ? null : String.join(", ", usage),
                        parse("phones.timezone", JsonInput.text(p, "timezone"), ZoneId::of), JsonInput.text(p, "comments")));
            }
            for (JsonNode m : o.path("emails")) {
                String address = JsonInput.text(m, "address");
                if (address != null) {
                    List<String> usage = new ArrayList<>();
                    m.path("usage").forEach(u -> usage.add(u.asText()));
                    b.channel(new ContactChannel(ChannelType.EMAIL, address, usage.isEmpty() ? null : String.join(", ", usage),
                            null, JsonInput.text(m, "comments")));
                }
            }
            return b.build();
        }

        private Constituency constituency(JsonNode c) {
            List<String> types = new ArrayList<>();
            c.path("types").forEach(t -> types.add(t.asText()));
            List<Asn> asns = new ArrayList<>();
            for (JsonNode a : c.path("asns")) {
                Asn asn = parse("constituency.asns", a.asText(), Asn::parse);
                if (asn != null) {
                    asns.add(asn);
                }
            }
            List<String> domains = new ArrayList<>();
            c.path("domains").forEach(d -> domains.add(d.asText().strip().toLowerCase(Locale.ROOT)));
            List<IpRange> ranges = new ArrayList<>();
            for (JsonNode r : c.path("ipranges")) {
                IpRange range = parse("constituency.ipranges", r.asText(), IpRange::parse);
                if (range != null) {
                    ranges.add(range);
                }
            }
            List<String> countries = new ArrayList<>();
            c.path("countries").forEach(x -> {
                String code = JsonInput.text(x, "code");
                if (code != null) {
                    countries.add(code.toUpperCase(Locale.ROOT));
                }
            });
            return new Constituency(types, asns, domains, ranges, countries);
        }

        private <T> T parse(String field, String value, Function<String, T> parser) {
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (RuntimeException ex) {
                warnings.add(input + ":" + element.line() + ":" + element.column() + ": team '" + name + "': " + field + " '" + value
                        + "' not understood; left out");
                return null;
            }
        }
    }
}
