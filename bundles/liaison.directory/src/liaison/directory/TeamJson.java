package liaison.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import liaison.api.model.Asn;
import liaison.api.model.CandidateFlag;
import liaison.api.model.ChannelType;
import liaison.api.model.Constituency;
import liaison.api.model.ContactChannel;
import liaison.api.model.IpRange;
import liaison.api.model.PgpKey;
import liaison.api.model.Team;

/**
 * Liaison's JSON form of teams: what {@code directory show --json}, {@code export --format json} and
 * peer feeds carry, and how the store keeps source records and revisions. Keys are snake case as
 * {@link Field#id()}; unknown values are left out; the key order is fixed, so equal teams give equal
 * text.
 */
public final class TeamJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TeamJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The team's own fields (no provenance). */
    public static ObjectNode write(Team t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("source_key", t.sourceKey());
        writeFields(o, t);
        return o;
    }

    /** Compact text of {@link #write(Team)}. */
    public static String text(Team t) {
        return toText(write(t));
    }

    public static String toText(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeFields(ObjectNode o, Team t) {
        put(o, "short_name", t.shortName());
        put(o, "official_name", t.officialName());
        put(o, "host_organisation", t.hostOrganisation());
        put(o, "country", t.country());
        put(o, "established", t.established() == null ? null : t.established().toString());
        put(o, "ti_handle", t.tiHandle());
        put(o, "ti_classification", t.tiClassification());
        put(o, "ti_since", t.tiSince() == null ? null : t.tiSince().toString());
        put(o, "first_id", t.firstId());
        put(o, "first_membership", t.firstMembership());
        put(o, "team_type", t.teamType());
        put(o, "irt", t.irtObject());
        put(o, "business_hours", t.businessHours());
        put(o, "time_zone", t.timeZone() == null ? null : t.timeZone().getId());
        put(o, "postal_address", t.postalAddress());
        put(o, "rfc2350_url", t.rfc2350Url());
        put(o, "security_txt_url", t.securityTxtUrl());
        if (!t.channels().isEmpty()) {
            ArrayNode channels = o.putArray("channels");
            for (ContactChannel c : t.channels()) {
                ObjectNode ch = channels.addObject();
                ch.put("type", c.type().id());
                ch.put("value", c.value());
                put(ch, "usage", c.usage());
                put(ch, "time_zone", c.timeZone() == null ? null : c.timeZone().getId());
                put(ch, "comment", c.comment());
            }
        }
        if (!t.pgpKeys().isEmpty()) {
            ArrayNode keys = o.putArray("pgp_keys");
            for (PgpKey k : t.pgpKeys()) {
                ObjectNode key = keys.addObject();
                key.put("fingerprint", k.fingerprint());
                put(key, "expires", k.expires() == null ? null : k.expires().toString());
                put(key, "armored", k.armored());
            }
        }
        Constituency c = t.constituency();
        if (!c.isEmpty()) {
            ObjectNode cons = o.putObject("constituency");
            strings(cons, "types", c.types());
            strings(cons, "asns", c.asns().stream().map(Asn::text).toList());
            strings(cons, "domains", c.domains());
            strings(cons, "ranges", c.ranges().stream().map(IpRange::text).toList());
            strings(cons, "countries", c.countries());
        }
    }

    /**
     * Reads what {@link #write(Team)} wrote (or a peer's feed object).
     *
     * @throws IllegalArgumentException naming the field when a value is malformed
     */
    public static Team read(JsonNode o) {
        String key = str(o, "source_key");
        if (key == null) {
            throw new IllegalArgumentException("team has no source_key");
        }
        return readFields(o, key);
    }

    public static Team read(String text) {
        try {
            return read(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored team is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Team readFields(JsonNode o, String key) {
        Team.Builder b = Team.builder(key).shortName(str(o, "short_name")).officialName(str(o, "official_name"))
                .hostOrganisation(str(o, "host_organisation")).country(str(o, "country"))
                .established(date(o, "established")).tiHandle(str(o, "ti_handle"))
                .tiClassification(str(o, "ti_classification")).tiSince(date(o, "ti_since")).firstId(str(o, "first_id"))
                .firstMembership(str(o, "first_membership")).teamType(str(o, "team_type")).irtObject(str(o, "irt"))
                .businessHours(str(o, "business_hours")).timeZone(zone(o, "time_zone"))
                .postalAddress(str(o, "postal_address")).rfc2350Url(str(o, "rfc2350_url"))
                .securityTxtUrl(str(o, "security_txt_url"));
        for (JsonNode ch : o.path("channels")) {
            b.channel(new ContactChannel(ChannelType.fromId(ch.path("type").asText()), ch.path("value").asText(),
                    str(ch, "usage"), zone(ch, "time_zone"), str(ch, "comment")));
        }
        for (JsonNode k : o.path("pgp_keys")) {
            String expires = str(k, "expires");
            b.pgpKey(new PgpKey(k.path("fingerprint").asText(), expires == null ? null : Instant.parse(expires), str(k, "armored")));
        }
        JsonNode c = o.path("constituency");
        if (c.isObject()) {
            b.constituency(new Constituency(strings(c, "types"), strings(c, "asns").stream().map(Asn::parse).toList(),
                    strings(c, "domains"), strings(c, "ranges").stream().map(IpRange::parse).toList(), strings(c, "countries")));
        }
        return b.build();
    }

    /** The full view of a directory team: effective values, status, provenance, overrides. */
    public static ObjectNode write(DirectoryTeam d) {
        ObjectNode o = summary(d);
        o.put("revision", d.revision());
        o.put("changed_at", d.changedAt().toString());
        writeFields(o, d.team());
        ObjectNode prov = o.putObject("provenance");
        d.provenance().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ArrayNode list = prov.putArray(e.getKey());
            for (Origin origin : e.getValue()) {
                ObjectNode x = list.addObject();
                x.put("source", origin.source());
                put(x, "location", origin.location());
                x.put("imported_at", origin.importedAt().toString());
            }
        });
        if (!d.flags().isEmpty()) {
            ObjectNode flags = o.putObject("flags");
            d.flags().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> strings(flags, e.getKey(),
                    e.getValue().stream().map(f -> f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).sorted().toList()));
        }
        if (!d.overrides().isEmpty()) {
            ArrayNode overrides = o.putArray("overrides");
            for (FieldOverride ov : d.overrides()) {
                ObjectNode x = overrides.addObject();
                x.put("field", ov.field().id());
                strings(x, "values", ov.values());
                x.put("since", ov.since().toString());
                x.put("baseline", ov.baseline());
                x.put("source_value", ov.sourceValue());
                put(x, "conflict", ov.conflictText());
            }
        }
        return o;
    }

    /** The fields {@code directory list --json} prints for each team. */
    public static ObjectNode summary(DirectoryTeam d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", d.id());
        put(o, "short_name", d.team().shortName());
        put(o, "official_name", d.team().officialName());
        put(o, "country", d.team().country());
        o.put("status", d.status().id());
        put(o, "classification", d.team().tiClassification());
        strings(o, "emails", d.emails());
        strings(o, "sources", d.sources());
        return o;
    }

    /** Reads what {@link #write(DirectoryTeam)} wrote. */
    public static DirectoryTeam readDirectoryTeam(JsonNode o) {
        long id = o.path("id").asLong();
        Team team = readFields(o, String.valueOf(id));
        Map<String, List<Origin>> provenance = new LinkedHashMap<>();
        o.path("provenance").properties().forEach(e -> {
            List<Origin> origins = new ArrayList<>();
            for (JsonNode x : e.getValue()) {
                origins.add(new Origin(x.path("source").asText(), str(x, "location"), Instant.parse(x.path("imported_at").asText())));
            }
            provenance.put(e.getKey(), origins);
        });
        Map<String, Set<CandidateFlag>> flags = new LinkedHashMap<>();
        o.path("flags").properties().forEach(e -> {
            Set<CandidateFlag> set = new LinkedHashSet<>();
            e.getValue().forEach(f -> set.add(CandidateFlag.valueOf(f.asText().toUpperCase(java.util.Locale.ROOT).replace('-', '_'))));
            flags.put(e.getKey(), set);
        });
        List<FieldOverride> overrides = new ArrayList<>();
        for (JsonNode x : o.path("overrides")) {
            overrides.add(new FieldOverride(Field.fromName(x.path("field").asText()), strings(x, "values"),
                    Instant.parse(x.path("since").asText()), x.path("baseline").asText(), x.path("source_value").asText()));
        }
        return new DirectoryTeam(id, DirectoryTeam.Status.fromId(o.path("status").asText()), o.path("revision").asInt(),
                Instant.parse(o.path("changed_at").asText()), team, provenance, flags, overrides, strings(o, "sources"));
    }

    public static DirectoryTeam readDirectoryTeam(String text) {
        try {
            return readDirectoryTeam(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored revision is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void put(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void strings(ObjectNode o, String name, List<String> values) {
        ArrayNode a = o.putArray(name);
        values.forEach(a::add);
    }

    private static String str(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode o, String name) {
        List<String> out = new ArrayList<>();
        o.path(name).forEach(v -> out.add(v.asText()));
        return out;
    }

    private static LocalDate date(JsonNode o, String name) {
        String s = str(o, name);
        return s == null ? null : LocalDate.parse(s);
    }

    private static ZoneId zone(JsonNode o, String name) {
        String s = str(o, name);
        return s == null ? null : ZoneId.of(s);
    }
}
