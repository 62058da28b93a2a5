package liaison.api.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One piece of evidence: an observation with its time, keeping the offset the log used so the
 * report can show both UTC and the original local time.
 *
 * @param observed   when it happened, with the offset of the original log; null when the log had no time
 * @param zoneKnown  false when the log had a time but no zone and an assumption was made
 * @param line       the original log line, unmodified
 * @param attributes event attributes in IntelMQ's harmonised names ({@code source.ip}, {@code destination.port}, ...)
 */
public record Evidence(OffsetDateTime observed, boolean zoneKnown, String line, Map<String, String> attributes) {

    public Evidence {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The observation time in UTC, or null. */
    public Instant utc() {
        return observed == null ? null : observed.toInstant();
    }
}
