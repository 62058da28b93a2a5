package liaison.report;

import java.util.List;

import liaison.api.report.Report;

/**
 * Events grouped into reports.
 *
 * @param reports  one per recipient group, in the order their first event was read
 * @param unrouted events no report could take, with the reason (no contact known, unusable address)
 */
public record Grouping(List<Report> reports, List<Unrouted> unrouted) {

    public Grouping {
        reports = List.copyOf(reports);
        unrouted = List.copyOf(unrouted);
    }

    /** An event left out, and why. */
    public record Unrouted(IntelMqEvent event, String reason) {
    }
}
