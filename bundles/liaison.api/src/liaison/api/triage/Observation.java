package liaison.api.triage;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One event found in a log: when it happened, the line as written, and the indicators it names.
 *
 * @param input      the log's name (file path), for provenance
 * @param lineNumber 1-based line of the event in the input
 * @param line       the original line, unmodified
 * @param time       when it happened, with the offset the log used (or the assumed one); null when the line has no time
 * @param zoneKnown  false when the log gave no time zone and one was assumed
 * @param format     id of the {@link LogExtractor} that read it
 * @param indicators what the line names, the attacking source first when the format tells
 */
public record Observation(String input, long lineNumber, String line, OffsetDateTime time, boolean zoneKnown, String format,
        List<Indicator> indicators) {

    public Observation {
        indicators = List.copyOf(indicators);
    }
}
