package liaison.directory;

import java.time.Instant;
import java.util.List;

/**
 * A coordinator's value for a field. It wins over every source until removed; it is never changed
 * or dropped by a sync.
 *
 * @param field    the field
 * @param values   the value(s) set; list fields may hold several
 * @param since    when it was set
 * @param baseline what the sources said when it was set (display text, empty when nothing)
 * @param sourceValue what the sources say now
 */
public record FieldOverride(Field field, List<String> values, Instant since, String baseline, String sourceValue) {

    public FieldOverride {
        values = List.copyOf(values);
    }

    /** True when the sources changed the field after the override was set: the coordinator should look. */
    public boolean conflict() {
        return !baseline.equals(sourceValue);
    }

    /** One line for people, or null when there is no conflict. */
    public String conflictText() {
        if (!conflict()) {
            return null;
        }
        return "sources now say " + quote(sourceValue) + " (was " + quote(baseline) + " when the override "
                + quote(String.join(", ", values)) + " was set); the override stays";
    }

    private static String quote(String s) {
        return s.isEmpty() ? "nothing" : "'" + s + "'";
    }
}
