package liaison.api.report;

import java.time.Instant;
import java.util.List;

import liaison.api.model.Resource;

/**
 * One incident report to one recipient, independent of its format: who writes, what happened, the
 * evidence, what the recipient is asked to do. {@link ReportFormat}s render it.
 *
 * @param ticketId        our ticket id; appears in the subject and Message-ID so replies can be matched
 * @param reporter        who is writing
 * @param recipients      e-mail addresses (or transport-specific addresses) of the recipient
 * @param type            incident classification (ENISA reference taxonomy)
 * @param description     what happened, in prose
 * @param evidence        log lines with their timestamps
 * @param resources       the resources involved (the recipient's addresses first)
 * @param requestedAction what the recipient is asked to do
 * @param tlp             how the recipient may share the report
 * @param created         when the report was composed
 */
public record Report(String ticketId, Reporter reporter, List<String> recipients, IncidentType type, String description,
        List<Evidence> evidence, List<Resource> resources, String requestedAction, Tlp tlp, Instant created) {

    public Report {
        if (ticketId == null || ticketId.isBlank()) {
            throw new IllegalArgumentException("a report needs a ticket id");
        }
        recipients = List.copyOf(recipients);
        evidence = List.copyOf(evidence);
        resources = List.copyOf(resources);
    }
}
