package liaison.directory;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of applying one source's snapshot: one transaction, all or nothing.
 *
 * @param sourceId  the snapshot's source id
 * @param location  what was read
 * @param at        when the changes were (or would have been) recorded
 * @param dryRun    true when nothing was written
 * @param unchanged number of teams the snapshot lists that did not change
 * @param changes   teams added, changed and removed
 * @param conflicts overrides whose field the source changed: the override stays, the coordinator should look
 * @param ambiguous near-matches left unmerged for the coordinator
 * @param warnings  problems that did not stop the source (stale feed, unparseable optional field)
 */
public record SyncResult(String sourceId, String location, Instant at, boolean dryRun, int unchanged,
        List<TeamChange> changes, List<String> conflicts, List<MatchCandidate> ambiguous, List<String> warnings) {

    public SyncResult {
        changes = List.copyOf(changes);
        conflicts = List.copyOf(conflicts);
        ambiguous = List.copyOf(ambiguous);
        warnings = List.copyOf(warnings);
    }

    public long added() {
        return count(TeamChange.Kind.ADDED);
    }

    public long changed() {
        return count(TeamChange.Kind.CHANGED);
    }

    public long removed() {
        return count(TeamChange.Kind.REMOVED);
    }

    private long count(TeamChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    /** {@code ti: 1 added, 1 changed, 1 removed, 3 unchanged, 1 conflict}. */
    public String summary() {
        return sourceId + ": " + added() + " added, " + changed() + " changed, " + removed() + " removed, " + unchanged
                + " unchanged, " + conflicts.size() + (conflicts.size() == 1 ? " conflict" : " conflicts")
                + (ambiguous.isEmpty() ? "" : ", " + ambiguous.size() + " ambiguous match" + (ambiguous.size() == 1 ? "" : "es"))
                + (dryRun ? " (dry run, nothing written)" : "");
    }
}
