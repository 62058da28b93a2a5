package liaison.directory;

import java.util.List;

/**
 * What a sync did (or would do, in a dry run) to one team.
 *
 * @param kind      added, changed or removed
 * @param teamId    the team's id (in a dry run the id it would have had)
 * @param shortName the team's name after the change
 * @param details   one line per changed field
 */
public record TeamChange(Kind kind, long teamId, String shortName, List<String> details) {

    /** The kinds of change a sync reports. */
    public enum Kind {
        ADDED, CHANGED, REMOVED
    }

    public TeamChange {
        details = List.copyOf(details);
    }
}
