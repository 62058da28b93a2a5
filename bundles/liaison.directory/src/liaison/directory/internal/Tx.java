package liaison.directory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import liaison.api.model.Team;
import liaison.directory.DirectoryTeam;
import liaison.directory.DirectoryTeam.Status;
import liaison.directory.Field;
import liaison.directory.TeamJson;

/**
 * One write transaction on the directory: the teams, records and overrides it reads are loaded once
 * and kept consistent as it changes them; {@link #rebuild} turns a team's records and overrides
 * into its merged view and writes a revision when the view changed.
 */
final class Tx {

    /** A team's view before and after {@link #rebuild}; {@code before} is null for a new team. */
    record Rebuilt(DirectoryTeam before, DirectoryTeam after, boolean changed) {
    }

    final EntityManager em;
    final Instant now;
    private final Map<Class<?>, Long> lastIds = new HashMap<>();
    private final Map<Long, TeamEntity> teams = new HashMap<>();
    private final Map<Long, List<RecordEntity>> records = new HashMap<>();
    private final Map<Long, List<OverrideEntity>> overrides = new HashMap<>();
    private boolean allTeams;
    private boolean allRecords;
    private boolean allOverrides;

    Tx(EntityManager em, Instant now) {
        this.em = em;
        this.now = now;
    }

    /** The next free id of an entity's table; safe because writes are serialised. */
    long nextId(Class<?> entity) {
        long last = lastIds.computeIfAbsent(entity, e -> {
            Long max = em.createQuery("SELECT MAX(x.id) FROM " + e.getSimpleName() + " x", Long.class).getSingleResult();
            return max == null ? 0L : max;
        });
        lastIds.put(entity, last + 1);
        return last + 1;
    }

    /** Every team; loaded once per transaction (a sync needs them all, an override only one). */
    Map<Long, TeamEntity> teams() {
        if (!allTeams) {
            em.createQuery("SELECT t FROM TeamEntity t", TeamEntity.class).getResultList().forEach(t -> teams.putIfAbsent(t.id, t));
            allTeams = true;
        }
        return teams;
    }

    TeamEntity team(long id) {
        return allTeams ? teams.get(id) : teams.computeIfAbsent(id, k -> em.find(TeamEntity.class, k));
    }

    /** Every team's records. */
    Map<Long, List<RecordEntity>> records() {
        if (!allRecords) {
            Map<Long, List<RecordEntity>> all = new HashMap<>();
            em.createQuery("SELECT r FROM RecordEntity r ORDER BY r.id", RecordEntity.class).getResultList()
                    .forEach(r -> all.computeIfAbsent(r.teamId, k -> new ArrayList<>()).add(r));
            all.forEach(records::putIfAbsent);
            allRecords = true;
        }
        return records;
    }

    List<RecordEntity> records(long teamId) {
        if (allRecords) {
            return records.computeIfAbsent(teamId, k -> new ArrayList<>());
        }
        return records.computeIfAbsent(teamId, id -> new ArrayList<>(em.createQuery(
                "SELECT r FROM RecordEntity r WHERE r.teamId = :id ORDER BY r.id", RecordEntity.class).setParameter("id", id)
                .getResultList()));
    }

    /** Loads every team, record and override at once, for work that touches most teams (a sync, matching). */
    void loadAll() {
        teams();
        records();
        if (!allOverrides) {
            Map<Long, List<OverrideEntity>> all = new HashMap<>();
            em.createQuery("SELECT o FROM OverrideEntity o ORDER BY o.field", OverrideEntity.class).getResultList()
                    .forEach(o -> all.computeIfAbsent(o.teamId, k -> new ArrayList<>()).add(o));
            all.forEach(overrides::putIfAbsent);
            allOverrides = true;
        }
    }

    List<OverrideEntity> overrides(long teamId) {
        if (allOverrides) {
            return overrides.computeIfAbsent(teamId, k -> new ArrayList<>());
        }
        return overrides.computeIfAbsent(teamId, id -> new ArrayList<>(em.createQuery(
                "SELECT o FROM OverrideEntity o WHERE o.teamId = :id ORDER BY o.field", OverrideEntity.class).setParameter("id", id)
                .getResultList()));
    }

    TeamEntity newTeam() {
        TeamEntity t = new TeamEntity(nextId(TeamEntity.class), now);
        t.viewJson = "{}";
        em.persist(t);
        teams.put(t.id, t);
        return t;
    }

    RecordEntity newRecord(long teamId, String sourceId, String sourceKey) {
        RecordEntity r = new RecordEntity(nextId(RecordEntity.class), teamId, sourceId, sourceKey);
        records(teamId).add(r);
        return r;
    }

    void moveRecord(RecordEntity r, long toTeam) {
        records(r.teamId).remove(r);
        records(toTeam).add(r);
        r.teamId = toTeam;
    }

    OverrideEntity putOverride(long teamId, Field field, String value, String baseline) {
        OverrideEntity o = overrides(teamId).stream().filter(x -> x.field.equals(field.id())).findFirst().orElse(null);
        if (o == null) {
            o = new OverrideEntity(nextId(OverrideEntity.class), teamId, field.id());
            em.persist(o);
            overrides(teamId).add(o);
            overrides(teamId).sort(Comparator.comparing(x -> x.field));
        }
        o.value = value;
        o.baseline = baseline;
        o.createdAt = now;
        return o;
    }

    void deleteOverride(OverrideEntity o) {
        overrides(o.teamId).remove(o);
        em.remove(o);
    }

    void moveOverride(OverrideEntity o, long toTeam) {
        overrides(o.teamId).remove(o);
        overrides(toTeam).add(o);
        overrides(toTeam).sort(Comparator.comparing(x -> x.field));
        o.teamId = toTeam;
    }

    static DirectoryTeam view(TeamEntity t) {
        return t.revision == 0 ? null : TeamJson.readDirectoryTeam(t.viewJson);
    }

    /** Each source's record of the team that counts now: the present ones, or all when none is present. */
    List<Merger.SourceTeam> sourceTeams(long teamId) {
        List<RecordEntity> all = records(teamId);
        List<RecordEntity> present = all.stream().filter(r -> r.present).toList();
        List<Merger.SourceTeam> out = new ArrayList<>();
        for (RecordEntity r : present.isEmpty() ? all : present) {
            out.add(new Merger.SourceTeam(r.sourceId, r.location, r.importedAt, TeamJson.read(r.teamJson)));
        }
        return out;
    }

    Merger.Result merge(long teamId) {
        List<Merger.Override> ovs = overrides(teamId).stream()
                .map(o -> new Merger.Override(Field.fromName(o.field), o.value, o.baseline, o.createdAt)).toList();
        return Merger.merge(teamId, sourceTeams(teamId), ovs);
    }

    /**
     * Recomputes the team's view from its records and overrides; when it differs from the current
     * one, stores it as a new revision made by {@code cause}.
     */
    Rebuilt rebuild(TeamEntity t, String cause) {
        DirectoryTeam before = view(t);
        DirectoryTeam candidate;
        if (t.mergedInto != null) {
            candidate = new DirectoryTeam(t.id, Status.MERGED, t.revision + 1, now, before.team(), before.provenance(),
                    before.flags(), before.overrides(), List.of());
        } else {
            Merger.Result m = merge(t.id);
            List<RecordEntity> recs = records(t.id);
            Set<String> sources = new LinkedHashSet<>();
            recs.stream().filter(r -> r.present).map(r -> r.sourceId)
                    .sorted(Comparator.comparingInt(Merger::rank).thenComparing(Comparator.naturalOrder()))
                    .forEach(sources::add);
            Status status = sources.isEmpty() ? Status.REMOVED : Status.ACTIVE;
            candidate = new DirectoryTeam(t.id, status, t.revision + 1, now, m.effective(), m.provenance(), m.flags(),
                    m.overrides(), List.copyOf(sources));
        }
        if (before != null && content(before).equals(content(candidate))) {
            return new Rebuilt(before, before, false);
        }
        String json = TeamJson.toText(TeamJson.write(candidate));
        t.revision = candidate.revision();
        t.changedAt = now;
        t.viewJson = json;
        t.status = candidate.status().id();
        Team team = candidate.team();
        t.shortName = team.shortName();
        t.nameKey = team.shortName() == null ? null : team.shortName().toLowerCase(Locale.ROOT);
        t.country = team.country();
        t.classification = team.tiClassification();
        em.persist(new RevisionEntity(nextId(RevisionEntity.class), t.id, candidate.revision(), now, cause, json));
        return new Rebuilt(before, candidate, true);
    }

    /** The view without its revision number and time, to tell whether anything changed. */
    private static String content(DirectoryTeam d) {
        var json = TeamJson.write(d);
        json.remove("revision");
        json.remove("changed_at");
        return TeamJson.toText(json);
    }
}
