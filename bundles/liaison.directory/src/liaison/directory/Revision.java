package liaison.directory;

import java.time.Instant;
import java.util.List;

/**
 * One version of a team in the directory's history.
 *
 * @param number  1 for the first version, then counting up
 * @param at      when it was made
 * @param cause   what made it: {@code import ti /path/teams.json}, {@code override email}, ...
 * @param changes what differs from the previous version, one line per field ({@code email: a → b})
 */
public record Revision(int number, Instant at, String cause, List<String> changes) {

    public Revision {
        changes = List.copyOf(changes);
    }
}
