package liaison.api.directory;

import java.time.Instant;
import java.util.List;

import liaison.api.model.Team;

/**
 * Everything one {@link DirectorySource} read from one location at one time.
 *
 * @param sourceId  the source's {@link DirectorySource#id()}, qualified as {@code id:name} when one
 *                  source reads several independent sets of teams (each peer's feed, each
 *                  security.txt). The directory treats the teams of one {@code sourceId} as one
 *                  complete set: a team missing from the next snapshot with the same id has left it.
 * @param location  what was read (file or URL), for provenance
 * @param readAt    when it was read
 * @param teams     the teams, each with a {@link Team#sourceKey()} unique within this snapshot
 * @param warnings  problems that did not stop the read (an unparseable optional field, a stale feed)
 */
public record SourceSnapshot(String sourceId, String location, Instant readAt, List<Team> teams, List<String> warnings) {

    public SourceSnapshot {
        teams = List.copyOf(teams);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
