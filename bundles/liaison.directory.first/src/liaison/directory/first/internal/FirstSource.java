package liaison.directory.first.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.api.directory.SourceSnapshot;
import liaison.api.model.ChannelType;
import liaison.api.model.Constituency;
import liaison.api.model.ContactChannel;
import liaison.api.model.PgpKey;
import liaison.api.model.Team;
import liaison.directory.source.JsonInput;
import liaison.directory.source.PgpKeys;
import liaison.directory.source.SourceInput;

/**
 * The FIRST teams API ({@code https://api.first.org/data/v1/teams}): pages of {@code limit} teams
 * from {@code offset}, which this source follows to the {@code total} when reading a URL; a file
 * holds one page. FIRST gives membership, team type and PGP keys, but no constituency networks.
 * Teams are keyed by their FIRST id.
 */
@Component
public class FirstSource implements DirectorySource {

    /** Teams asked per page when the URL does not say. */
    static final int PAGE_SIZE = 100;

    /** A runaway server cannot make us page forever. */
    private static final int MAX_PAGES = 10_000;

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    @Override
    public String id() {
        return "first";
    }

    @Override
    public String description() {
        return "FIRST teams API (api.first.org/data/v1/teams, paged by limit/offset), file or URL";
    }

    @Override
    public SourceSnapshot read(URI location, ProgressListener progress) throws LiaisonException {
        String input = SourceInput.display(location);
        boolean paged = !"file".equalsIgnoreCase(location.getScheme());
        List<Team> teams = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        URI page = paged ? withPaging(location, offsetOf(location), limitOf(location)) : location;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            String pageName = SourceInput.display(page);
            JsonInput.Document doc = JsonInput.read(pageName, SourceInput.fetch(page), "data");
            String status = JsonInput.text(doc.envelope(), "status");
            if (status != null && !status.equalsIgnoreCase("OK")) {
                throw new InputException(pageName, 0, 0, "the API answered status '" + status + "'");
            }
            for (JsonInput.Element e : doc.elements()) {
                Team t = team(doc, e, warnings);
                if (!ids.add(t.sourceKey())) {
                    throw doc.error(e, "team", "id '" + t.sourceKey() + "' appears twice");
                }
                teams.add(t);
            }
            long total = doc.envelope().path("total").asLong(-1);
            progress.worked(teams.size(), total, "FIRST teams");
            if (!paged || doc.elements().isEmpty() || total < 0 || teams.size() >= total) {
                if (!paged && total > teams.size()) {
                    warnings.add(input + " holds " + teams.size() + " of " + total
                            + " teams (one page); read the API URL to get them all");
                }
                return new SourceSnapshot(id(), input, Instant.now(), teams, warnings);
            }
            long offset = doc.envelope().path("offset").asLong(offsetOf(page)) + doc.elements().size();
            page = withPaging(page, offset, limitOf(page));
        }
        throw new InputException(input, 0, 0, "more than " + MAX_PAGES + " pages; stopped");
    }

    private Team team(JsonInput.Document doc, JsonInput.Element e, List<String> warnings) throws InputException {
        JsonNode o = e.node();
        if (!o.isObject()) {
            throw doc.error(e, "team", "not a JSON object; is this a FIRST teams API answer?");
        }
        String id = JsonInput.text(o, "id");
        if (id == null) {
            throw doc.error(e, "team", "no id; is this a FIRST teams API answer?");
        }
        Lenient lenient = new Lenient(doc.input(), e, id, warnings);
        String name = JsonInput.text(o, "team");
        Team.Builder b = Team.builder(id).firstId(id).shortName(name != null ? name : id)
                .officialName(JsonInput.text(o, "team-full")).firstMembership(JsonInput.text(o, "membership"))
                .teamType(JsonInput.text(o, "team-type")).hostOrganisation(JsonInput.text(o, "host"))
                .established(lenient.parse("establishment", JsonInput.text(o, "establishment"), s -> LocalDate.parse(s, LONG_DATE)))
                .postalAddress(JsonInput.text(o, "address")).country(JsonInput.text(o, "country"))
                .businessHours(JsonInput.text(o, "operating-hours"))
                .timeZone(lenient.parse("timezone", JsonInput.text(o, "timezone"), FirstSource::zone));

        Map<String, ContactChannel> channels = new LinkedHashMap<>();
        String email = JsonInput.text(o, "email");
        if (email != null) {
            add(channels, ContactChannel.of(ChannelType.EMAIL, email));
        }
        String emergency = JsonInput.text(o, "phone-emergency");
        if (emergency != null) {
            add(channels, ContactChannel.of(ChannelType.EMERGENCY_PHONE, emergency));
        }
        for (JsonNode p : o.path("phone")) {
            String number = p.asText().strip();
            // FIRST lists the fax number among the phones with a "(fax)" suffix, sometimes alone.
            boolean fax = number.toLowerCase(Locale.ROOT).endsWith("(fax)");
            number = fax ? number.substring(0, number.length() - 5).strip() : number;
            if (!number.isEmpty()) {
                add(channels, ContactChannel.of(fax ? ChannelType.FAX : ChannelType.PHONE, number));
            }
        }
        String fax = JsonInput.text(o, "fax");
        if (fax != null) {
            add(channels, ContactChannel.of(ChannelType.FAX, fax));
        }
        for (JsonNode w : o.path("website")) {
            if (!w.asText().isBlank()) {
                add(channels, new ContactChannel(ChannelType.WEB_FORM, w.asText(), "website", null, null));
            }
        }
        String other = JsonInput.text(o, "other-communication");
        List<ContactChannel> list = new ArrayList<>(channels.values());
        if (other != null && !list.isEmpty()) {
            ContactChannel first = list.get(0);
            list.set(0, new ContactChannel(first.type(), first.value(), first.usage(), first.timeZone(), other));
        }
        b.channels(list);

        String fingerprint = JsonInput.text(o, "pgp-fingerprint");
        String armored = JsonInput.text(o, "pgp-key");
        PgpKey key = armored == null ? null : lenient.parse("pgp-key", armored, PgpKeys::read);
        if (key != null && fingerprint != null && !key.fingerprint().equals(new PgpKey(fingerprint, null, null).fingerprint())) {
            warnings.add(doc.input() + ":" + e.line() + ":" + e.column() + ": team '" + id + "': pgp-key " + key.fingerprint()
                    + " is not the pgp-fingerprint " + fingerprint + "; both kept");
            b.pgpKey(new PgpKey(fingerprint, null, null));
        }
        if (key != null) {
            b.pgpKey(key);
        } else if (fingerprint != null) {
            b.pgpKey(new PgpKey(fingerprint, null, null));
        }

        List<String> types = new ArrayList<>();
        String constituency = JsonInput.text(o, "constituency");
        if (constituency != null) {
            types.add(constituency);
        }
        List<String> countries = new ArrayList<>();
        o.path("country-other").forEach(c -> countries.add(c.asText().strip().toUpperCase(Locale.ROOT)));
        b.constituency(new Constituency(types, List.of(), List.of(), List.of(), countries));
        return b.build();
    }

    private static void add(Map<String, ContactChannel> channels, ContactChannel c) {
        channels.putIfAbsent(c.type() + " " + c.value().replaceAll("[^0-9A-Za-z@.+]", "").toLowerCase(Locale.ROOT), c);
    }

    /** FIRST's time zones are free text: {@code Europe/Istanbul}, {@code GMT+2}, {@code UTC-0500}, {@code GMT -5}. */
    static ZoneId zone(String text) {
        String s = text.strip().replace(" ", "");
        if (s.matches("(?i)(GMT|UTC)[+-]\\d{1,2}(:?\\d{2})?")) {
            String prefix = s.substring(0, 3).toUpperCase(Locale.ROOT);
            String offset = s.substring(3);
            if (offset.matches("[+-]\\d{3,4}")) {
                offset = offset.charAt(0) + (offset.length() == 4 ? "0" + offset.substring(1) : offset.substring(1));
            }
            return ZoneId.of(prefix + offset);
        }
        return ZoneId.of(s);
    }

    static long offsetOf(URI uri) {
        String v = query(uri).get("offset");
        return v == null ? 0 : Long.parseLong(v);
    }

    static int limitOf(URI uri) {
        String v = query(uri).get("limit");
        return v == null ? PAGE_SIZE : Integer.parseInt(v);
    }

    /** The URL with {@code offset} and {@code limit} set, other parameters ({@code q=EY}) kept. */
    static URI withPaging(URI uri, long offset, int limit) {
        Map<String, String> q = query(uri);
        q.put("offset", Long.toString(offset));
        q.put("limit", Integer.toString(limit));
        StringBuilder s = new StringBuilder();
        q.forEach((k, v) -> s.append(s.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String base = uri.toString();
        int question = base.indexOf('?');
        return URI.create((question < 0 ? base : base.substring(0, question)) + "?" + s);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!k.isEmpty()) {
                    out.put(k, v);
                }
            }
        }
        return out;
    }

    /** Optional values that cannot be read become warnings. */
    private record Lenient(String input, JsonInput.Element element, String team, List<String> warnings) {
        <T> T parse(String field, String value, Function<String, T> parser) {
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (RuntimeException ex) {
                String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
                warnings.add(input + ":" + element.line() + ":" + element.column() + ": team '" + team + "': " + field + " '" + shown.replace('\n', ' ')
                        + "' not understood; left out");
                return null;
            }
        }
    }
}
