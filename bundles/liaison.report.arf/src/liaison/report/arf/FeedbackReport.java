package liaison.report.arf;

import java.util.List;
import java.util.Map;

/**
 * An abuse feedback report as read from a message: RFC 5965 ARF, or one of the older vendor forms
 * that abuse desks still receive (Microsoft JMRP without a feedback part, Apple's opt-out notices).
 *
 * @param feedbackType     {@code abuse}, {@code fraud}, {@code virus}, {@code other}, {@code opt-out}, ...
 *                         lower-cased; {@code abuse} when the report form implies it
 * @param userAgent        the reporting software, or null
 * @param sourceIp         the IP address that sent the reported message, or null
 * @param reportedDomains  {@code Reported-Domain} values
 * @param fields           every field of the {@code message/feedback-report} part, names lower-cased
 *                         (empty for vendor forms without one)
 * @param originalHeaders  the header block of the reported message, or null when the report carries none
 * @param standard         true for RFC 5965 form (a {@code message/feedback-report} part)
 */
public record FeedbackReport(String feedbackType, String userAgent, String sourceIp, List<String> reportedDomains,
        Map<String, List<String>> fields, String originalHeaders, boolean standard) {

    public FeedbackReport {
        reportedDomains = List.copyOf(reportedDomains);
        fields = Map.copyOf(fields);
    }
}
