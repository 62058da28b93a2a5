package liaison.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import liaison.api.model.CandidateFlag;
import liaison.api.model.ChannelType;
import liaison.api.model.ContactChannel;
import liaison.api.model.PgpKey;
import liaison.api.model.Team;

/**
 * One team of the directory as it stands (or stood, for a past revision): the values of every source
 * merged, coordinators' overrides applied, and where each value came from.
 *
 * @param id         internal id, stable for the life of the workspace
 * @param status     whether a source still lists the team
 * @param revision   number of the revision this view is (1 for the first)
 * @param changedAt  when this revision was made
 * @param team       the effective values; its {@link Team#sourceKey()} is the id as text
 * @param provenance origins by {@link #key(Field, String) value key}
 * @param flags      caveats by value key, e.g. {@link CandidateFlag#PLACEHOLDER_ADDRESS} on an
 *                   address a mirror substituted
 * @param overrides  the coordinator's values in effect
 * @param sources    the source ids that list the team now
 */
public record DirectoryTeam(long id, Status status, int revision, Instant changedAt, Team team,
        Map<String, List<Origin>> provenance, Map<String, Set<CandidateFlag>> flags, List<FieldOverride> overrides,
        List<String> sources) {

    /** Whether a source still lists a team. */
    public enum Status {
        /** At least one source lists the team. */
        ACTIVE,
        /** Every source that listed the team has dropped it; kept with its history and overrides. */
        REMOVED,
        /** The coordinator merged it into another team, which now holds its sources. */
        MERGED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status fromId(String id) {
            return valueOf(id.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }

    public DirectoryTeam {
        provenance = Map.copyOf(provenance);
        flags = Map.copyOf(flags);
        overrides = List.copyOf(overrides);
        sources = List.copyOf(sources);
    }

    /**
     * The provenance key of a value: the field id for single-valued fields, {@code field:value} for
     * one value of a list field. Values are compared case-insensitively, phone and fax numbers by
     * their digits, so {@code +43 1 505} and {@code +431505} are one number.
     */
    public static String key(Field field, String value) {
        if (!field.multiValued() || value == null) {
            return field.id();
        }
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (field == Field.PHONE || field == Field.EMERGENCY_PHONE || field == Field.FAX) {
            String digits = v.replaceAll("[^0-9+]", "");
            v = digits.isEmpty() ? v : digits;
        }
        return field.id() + ":" + v;
    }

    /** Where the value of a single-valued field came from (empty when nobody says). */
    public List<Origin> origins(Field field) {
        return provenance.getOrDefault(key(field, null), List.of());
    }

    /** Where one value of a list field came from. */
    public List<Origin> origins(Field field, String value) {
        return provenance.getOrDefault(key(field, value), List.of());
    }

    public Set<CandidateFlag> flags(Field field, String value) {
        return flags.getOrDefault(key(field, value), Set.of());
    }

    public String shortName() {
        return team.shortName();
    }

    /**
     * The e-mail addresses to use, overrides applied, best first; placeholders a mirror put in
     * place of the real address are left out.
     */
    public List<String> emails() {
        return team.channels().stream().filter(c -> c.type() == ChannelType.EMAIL)
                .map(ContactChannel::value)
                .filter(v -> !flags(Field.EMAIL, v).contains(CandidateFlag.PLACEHOLDER_ADDRESS)).toList();
    }

    /**
     * One value of the team as people read it: its field, the value, what else the source said about
     * it (a channel's usage, time zone and comment; a key's expiry), and where it came from.
     */
    public record Value(Field field, String value, String detail, List<Origin> origins, Set<CandidateFlag> flags) {
    }

    /** Every value, single-valued fields first, then contact channels, keys and constituency, as {@code show} lists them. */
    public List<Value> values() {
        List<Value> out = new ArrayList<>();
        List<Field> lists = new ArrayList<>();
        for (Field f : Field.values()) {
            if (!f.multiValued()) {
                f.values(team).forEach(v -> out.add(new Value(f, v, null, origins(f), flags(f, null))));
            } else if (f.channelType() == null && f != Field.PGP_FINGERPRINT) {
                lists.add(f);
            }
        }
        for (ContactChannel c : team.channels()) {
            Field f = Field.of(c.type());
            List<String> notes = new ArrayList<>();
            Stream.of(c.usage(), c.timeZone() == null ? null : c.timeZone().getId(), c.comment())
                    .filter(Objects::nonNull).forEach(notes::add);
            out.add(new Value(f, c.value(), notes.isEmpty() ? null : String.join("; ", notes), origins(f, c.value()),
                    flags(f, c.value())));
        }
        for (PgpKey k : team.pgpKeys()) {
            List<String> notes = new ArrayList<>();
            if (k.expires() != null) {
                notes.add("expires " + k.expires());
            }
            if (k.armored() != null) {
                notes.add("armoured key known");
            }
            out.add(new Value(Field.PGP_FINGERPRINT, k.fingerprint(), notes.isEmpty() ? null : String.join("; ", notes),
                    origins(Field.PGP_FINGERPRINT, k.fingerprint()), flags(Field.PGP_FINGERPRINT, k.fingerprint())));
        }
        for (Field f : lists) {
            f.values(team).forEach(v -> out.add(new Value(f, v, null, origins(f, v), flags(f, v))));
        }
        return out;
    }

    /** The override of a field, or null. */
    public FieldOverride override(Field field) {
        return overrides.stream().filter(o -> o.field() == field).findFirst().orElse(null);
    }

    /** Overrides whose field the sources changed since the override was set. */
    public List<FieldOverride> conflicts() {
        return overrides.stream().filter(FieldOverride::conflict).toList();
    }
}
