package liaison.directory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import liaison.api.model.Asn;
import liaison.api.model.CandidateFlag;
import liaison.api.model.ChannelType;
import liaison.api.model.Constituency;
import liaison.api.model.ContactChannel;
import liaison.api.model.IpRange;
import liaison.api.model.PgpKey;
import liaison.api.model.Team;
import liaison.directory.DirectoryTeam;
import liaison.directory.Field;
import liaison.directory.FieldOverride;
import liaison.directory.Origin;

/**
 * Merges what every source says about one team into its effective view, applies the coordinator's
 * overrides and records where each value came from.
 *
 * <p>Single-valued fields take the value of the most authoritative source that has one
 * ({@link #PRECEDENCE}); every source giving the same value is named as its origin. List fields
 * (channels, keys, constituency) are the union of all sources, best source first.
 */
final class Merger {

    /** Source ids by authority: the vetted directories first, self-published and local lists last. */
    static final List<String> PRECEDENCE = List.of("ti", "first", "ripe-irt", "nrtm4", "feed", "securitytxt", "csv");

    /** Addresses mirrors substitute for the real one: RIPE replaces irt e-mails in NRTM and dumps. */
    static final Set<String> PLACEHOLDER_EMAILS = Set.of("unread@ripe.net");

    /** One source's record of the team. */
    record SourceTeam(String sourceId, String location, Instant importedAt, Team team) {
        Origin origin() {
            return new Origin(sourceId, location, importedAt);
        }
    }

    /** One override as stored. */
    record Override(Field field, String value, String baseline, Instant since) {
    }

    /** The merged team before overrides, and after. */
    record Result(Team fromSources, Team effective, Map<String, List<Origin>> provenance,
            Map<String, Set<CandidateFlag>> flags, List<FieldOverride> overrides) {
    }

    private Merger() {
    }

    static int rank(String sourceId) {
        int colon = sourceId.indexOf(':');
        int i = PRECEDENCE.indexOf(colon < 0 ? sourceId : sourceId.substring(0, colon));
        return i < 0 ? PRECEDENCE.size() : i;
    }

    static final Comparator<SourceTeam> BY_AUTHORITY = Comparator.comparingInt((SourceTeam s) -> rank(s.sourceId()))
            .thenComparing(SourceTeam::sourceId).thenComparing(s -> s.team().sourceKey());

    static Result merge(long id, List<SourceTeam> records, List<Override> overrides) {
        List<SourceTeam> sorted = records.stream().sorted(BY_AUTHORITY).toList();
        Map<String, List<Origin>> provenance = new LinkedHashMap<>();
        Team merged = Team.builder(String.valueOf(id)).build();
        for (Field f : Field.values()) {
            if (f.multiValued()) {
                continue;
            }
            String chosen = null;
            List<Origin> origins = new ArrayList<>();
            Team chosenFrom = null;
            for (SourceTeam s : sorted) {
                String v = f.text(s.team());
                if (v.isEmpty()) {
                    continue;
                }
                if (chosen == null) {
                    chosen = v;
                    chosenFrom = s.team();
                }
                if (same(chosen, v)) {
                    origins.add(s.origin());
                }
            }
            if (chosen != null) {
                merged = f.copy(chosenFrom, merged);
                provenance.put(DirectoryTeam.key(f, null), origins);
            }
        }
        merged = merged.toBuilder().channels(mergeChannels(sorted, provenance)).pgpKeys(mergeKeys(sorted, provenance))
                .constituency(mergeConstituency(sorted, provenance)).build();
        Team fromSources = merged;

        Team effective = fromSources;
        List<FieldOverride> applied = new ArrayList<>();
        for (Override o : overrides) {
            List<String> values = o.field().parse(o.value());
            effective = o.field().apply(effective, values);
            provenance.keySet().removeIf(k -> k.equals(o.field().id()) || k.startsWith(o.field().id() + ":"));
            Origin origin = new Origin(Origin.OVERRIDE, null, o.since());
            for (String v : o.field().values(effective)) {
                provenance.put(DirectoryTeam.key(o.field(), v), List.of(origin));
            }
            applied.add(new FieldOverride(o.field(), values, o.since(), o.baseline(), o.field().text(fromSources)));
        }

        Map<String, Set<CandidateFlag>> flags = new LinkedHashMap<>();
        for (String email : Field.EMAIL.values(effective)) {
            if (PLACEHOLDER_EMAILS.contains(email.toLowerCase(Locale.ROOT))) {
                flags.computeIfAbsent(DirectoryTeam.key(Field.EMAIL, email), k -> EnumSet.noneOf(CandidateFlag.class))
                        .add(CandidateFlag.PLACEHOLDER_ADDRESS);
            }
        }
        for (FieldOverride o : applied) {
            for (String v : o.field().values(effective)) {
                flags.computeIfAbsent(DirectoryTeam.key(o.field(), v), k -> EnumSet.noneOf(CandidateFlag.class))
                        .add(CandidateFlag.OVERRIDDEN);
            }
        }
        return new Result(fromSources, effective, provenance, flags, applied);
    }

    private static boolean same(String a, String b) {
        return a.strip().equalsIgnoreCase(b.strip());
    }

    private static List<ContactChannel> mergeChannels(List<SourceTeam> sorted, Map<String, List<Origin>> provenance) {
        List<ContactChannel> out = new ArrayList<>();
        for (ChannelType type : ChannelType.values()) {
            Field f = Field.of(type);
            Map<String, ContactChannel> byValue = new LinkedHashMap<>();
            for (SourceTeam s : sorted) {
                for (ContactChannel c : s.team().channels()) {
                    if (c.type() != type) {
                        continue;
                    }
                    String key = DirectoryTeam.key(f, c.value());
                    ContactChannel known = byValue.get(key);
                    byValue.put(key, known == null ? c : fillIn(known, c));
                    addOrigin(provenance, key, s.origin());
                }
            }
            out.addAll(byValue.values());
        }
        return out;
    }

    private static ContactChannel fillIn(ContactChannel known, ContactChannel more) {
        return new ContactChannel(known.type(), known.value(), known.usage() != null ? known.usage() : more.usage(),
                known.timeZone() != null ? known.timeZone() : more.timeZone(),
                known.comment() != null ? known.comment() : more.comment());
    }

    private static List<PgpKey> mergeKeys(List<SourceTeam> sorted, Map<String, List<Origin>> provenance) {
        Map<String, PgpKey> byFingerprint = new LinkedHashMap<>();
        for (SourceTeam s : sorted) {
            for (PgpKey k : s.team().pgpKeys()) {
                String key = DirectoryTeam.key(Field.PGP_FINGERPRINT, k.fingerprint());
                PgpKey known = byFingerprint.get(key);
                byFingerprint.put(key, known == null ? k
                        : new PgpKey(known.fingerprint(), known.expires() != null ? known.expires() : k.expires(),
                                known.armored() != null ? known.armored() : k.armored()));
                addOrigin(provenance, key, s.origin());
            }
        }
        return new ArrayList<>(byFingerprint.values());
    }

    private static Constituency mergeConstituency(List<SourceTeam> sorted, Map<String, List<Origin>> provenance) {
        return new Constituency(union(sorted, Field.CONSTITUENCY_TYPES, provenance),
                union(sorted, Field.CONSTITUENCY_ASNS, provenance).stream().map(Asn::parse).toList(),
                union(sorted, Field.CONSTITUENCY_DOMAINS, provenance),
                union(sorted, Field.CONSTITUENCY_RANGES, provenance).stream().map(IpRange::parse).toList(),
                union(sorted, Field.CONSTITUENCY_COUNTRIES, provenance));
    }

    private static List<String> union(List<SourceTeam> sorted, Field f, Map<String, List<Origin>> provenance) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (SourceTeam s : sorted) {
            for (String v : f.values(s.team())) {
                String key = DirectoryTeam.key(f, v);
                byKey.putIfAbsent(key, v);
                addOrigin(provenance, key, s.origin());
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static void addOrigin(Map<String, List<Origin>> provenance, String key, Origin origin) {
        List<Origin> list = provenance.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.stream().noneMatch(o -> o.source().equals(origin.source()))) {
            list.add(origin);
        }
    }
}
