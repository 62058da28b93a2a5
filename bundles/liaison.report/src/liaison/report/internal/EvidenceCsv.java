package liaison.report.internal;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import liaison.api.report.Evidence;
import liaison.api.report.RenderedReport;
import liaison.api.report.Report;

/** The evidence as an RFC 4180 CSV attachment, for receivers who feed reports into their tools. */
final class EvidenceCsv {

    private static final List<String> FIELDS = List.of("source.ip", "source.port", "source.fqdn", "destination.ip",
            "destination.port", "protocol.transport", "classification.taxonomy", "classification.type", "feed.name");

    private EvidenceCsv() {
    }

    static RenderedReport.Part part(Report report) {
        StringBuilder csv = new StringBuilder("time_utc,time_original,");
        csv.append(String.join(",", FIELDS)).append(",raw\r\n");
        for (Evidence e : report.evidence()) {
            field(csv, e.utc() == null ? "" : e.utc().toString()).append(',');
            field(csv, e.observed() == null ? "" : e.observed().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(',');
            for (String f : FIELDS) {
                field(csv, e.attributes().getOrDefault(f, "")).append(',');
            }
            field(csv, e.line() == null ? "" : e.line()).append("\r\n");
        }
        return new RenderedReport.Part("text/csv; charset=UTF-8; header=present", report.ticketId() + ".csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static StringBuilder field(StringBuilder out, String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return out.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return out.append(value);
    }
}
