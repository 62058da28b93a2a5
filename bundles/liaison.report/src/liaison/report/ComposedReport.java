package liaison.report;

import java.util.List;

import liaison.api.report.Report;
import liaison.api.transport.OutgoingMessage;

/**
 * A report rendered in one format and wrapped in a complete RFC 5322 message (signed and encrypted
 * when asked), with what the linter found.
 */
public record ComposedReport(Report report, String format, List<LintFinding> findings, OutgoingMessage message) {

    public ComposedReport {
        findings = List.copyOf(findings);
    }
}
