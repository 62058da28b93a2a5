package liaison.directory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import liaison.api.InputException;
import liaison.api.directory.DirectorySource.ProgressListener;
import liaison.api.directory.SourceSnapshot;
import liaison.api.model.Team;
import liaison.directory.DirectoryTeam;
import liaison.directory.FieldOverride;
import liaison.directory.MatchCandidate;
import liaison.directory.SyncResult;
import liaison.directory.TeamChange;
import liaison.directory.TeamJson;

/**
 * Applies one source's snapshot inside one transaction: updates the records the source already
 * had, matches new records to existing teams (or creates teams), marks records the snapshot no
 * longer lists as gone, and rebuilds every team touched. A team whose last source dropped it
 * becomes {@code removed}; its records, overrides and history stay.
 */
final class SyncEngine {

    /**
     * Records written to the database as the import goes, rather than all at commit: the commit
     * stays short and memory for pending statements bounded. Until the commit they are invisible to
     * others, and rolled back by Derby's recovery if the process dies.
     */
    static final int FLUSH_EVERY = 500;

    private final Tx tx;

    SyncEngine(Tx tx) {
        this.tx = tx;
    }

    SyncResult apply(SourceSnapshot snapshot, String verb, boolean dryRun, Set<List<Long>> keptApart,
            ProgressListener progress) throws InputException {
        String scope = snapshot.sourceId();
        String cause = verb + " " + scope + " " + snapshot.location();
        tx.loadAll();
        Map<String, RecordEntity> known = new HashMap<>();
        tx.records().values().forEach(list -> list.stream().filter(r -> r.sourceId.equals(scope)).forEach(r -> known.put(r.sourceKey, r)));
        Matcher matcher = matcher();

        Set<Long> touched = new LinkedHashSet<>();
        Set<Long> created = new HashSet<>();
        Map<Long, List<MatchCandidate>> near = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<Team> teams = snapshot.teams();
        long total = teams.size();
        int done = 0;
        for (Team t : teams) {
            if (!seen.add(t.sourceKey())) {
                throw new InputException(snapshot.location(), 0, 0, "team key '" + t.sourceKey() + "' appears twice in the "
                        + scope + " snapshot");
            }
            String json = TeamJson.text(t);
            RecordEntity r = known.get(t.sourceKey());
            if (r == null) {
                Matcher.Decision d = matcher.match(t, scope);
                TeamEntity team = d.teamId() == null ? tx.newTeam() : tx.team(d.teamId());
                if (d.teamId() == null) {
                    created.add(team.id);
                }
                r = tx.newRecord(team.id, scope, t.sourceKey());
                fill(r, snapshot, json);
                tx.em.persist(r);
                touched.add(team.id);
                List<MatchCandidate> alike = d.nearMatches().stream()
                        .map(c -> new MatchCandidate(team.id, c.team(), c.otherId(), c.other(), c.reason()))
                        .filter(c -> !keptApart.contains(List.of(Math.min(c.teamId(), c.otherId()), Math.max(c.teamId(), c.otherId()))))
                        .toList();
                if (!alike.isEmpty()) {
                    near.computeIfAbsent(team.id, k -> new ArrayList<>()).addAll(alike);
                }
                index(matcher, team);
            } else if (!r.present || !r.teamJson.equals(json)) {
                fill(r, snapshot, json);
                touched.add(r.teamId);
            } else {
                r.seenAt = tx.now;
            }
            if (++done % FLUSH_EVERY == 0) {
                tx.em.flush();
            }
            progress.worked(done, total, scope + ": " + (t.shortName() == null ? t.sourceKey() : t.shortName()));
        }
        for (RecordEntity r : known.values()) {
            if (r.present && !seen.contains(r.sourceKey)) {
                r.present = false;
                touched.add(r.teamId);
            }
        }

        List<TeamChange> changes = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Set<Long> changedTeams = new HashSet<>();
        for (long id : touched) {
            Tx.Rebuilt rb = tx.rebuild(tx.team(id), cause);
            if (!rb.changed()) {
                continue;
            }
            changedTeams.add(id);
            DirectoryTeam after = rb.after();
            TeamChange.Kind kind = created.contains(id) ? TeamChange.Kind.ADDED
                    : after.status() == DirectoryTeam.Status.REMOVED && rb.before().status() != DirectoryTeam.Status.REMOVED
                            ? TeamChange.Kind.REMOVED : TeamChange.Kind.CHANGED;
            changes.add(new TeamChange(kind, id, after.shortName(),
                    kind == TeamChange.Kind.ADDED ? List.of() : Diff.changes(rb.before(), after)));
            for (FieldOverride o : after.conflicts()) {
                FieldOverride old = rb.before() == null ? null : rb.before().override(o.field());
                if (old == null || !Objects.equals(old.conflictText(), o.conflictText())) {
                    conflicts.add(after.shortName() + ": " + o.field().cliName() + ": " + o.conflictText());
                }
            }
        }
        int unchanged = (int) teams.stream().map(t -> known.containsKey(t.sourceKey()) ? known.get(t.sourceKey()).teamId : -1L)
                .filter(id -> id >= 0 && !changedTeams.contains(id)).count();

        List<MatchCandidate> ambiguous = new ArrayList<>();
        near.values().forEach(ambiguous::addAll);

        RunEntity run = new RunEntity(tx.nextId(RunEntity.class), scope, snapshot.location(), tx.now);
        SyncResult result = new SyncResult(scope, snapshot.location(), tx.now, dryRun, unchanged, changes, conflicts,
                ambiguous, snapshot.warnings());
        run.added = (int) result.added();
        run.changed = (int) result.changed();
        run.removed = (int) result.removed();
        run.unchanged = unchanged;
        run.conflicts = conflicts.size();
        run.warnings = snapshot.warnings().isEmpty() ? null : String.join("\n", snapshot.warnings());
        tx.em.persist(run);
        return result;
    }

    private void fill(RecordEntity r, SourceSnapshot snapshot, String json) {
        r.teamJson = json;
        r.location = snapshot.location();
        r.importedAt = tx.now;
        r.seenAt = tx.now;
        r.present = true;
    }

    /** A matcher over every team, with identifiers from its view and all its records. */
    private Matcher matcher() {
        Matcher m = new Matcher();
        for (TeamEntity t : tx.teams().values()) {
            index(m, t);
        }
        return m;
    }

    private void index(Matcher m, TeamEntity t) {
        List<Team> teams = new ArrayList<>();
        Set<String> scopes = new HashSet<>();
        for (RecordEntity r : tx.records(t.id)) {
            teams.add(TeamJson.read(r.teamJson));
            if (r.present) {
                scopes.add(r.sourceId);
            }
        }
        DirectoryTeam view = Tx.view(t);
        if (view != null) {
            teams.add(view.team());
        }
        String name = view != null ? view.shortName() : teams.isEmpty() ? null : teams.get(0).shortName();
        m.put(t.id, name, t.mergedInto == null, scopes, teams);
    }
}
