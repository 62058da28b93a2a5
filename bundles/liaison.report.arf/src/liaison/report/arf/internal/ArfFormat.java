package liaison.report.arf.internal;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import jakarta.mail.internet.MailDateFormat;
import liaison.api.LiaisonException;
import liaison.api.model.Resource;
import liaison.api.report.Evidence;
import liaison.api.report.RenderedReport;
import liaison.api.report.Report;
import liaison.api.report.ReportFormat;
import liaison.report.ReportTexts;

/**
 * ARF (RFC 5965, with RFC 6650's {@code Incidents}): {@code multipart/report;
 * report-type=feedback-report} with a human-readable part, the {@code message/feedback-report} part
 * and the reported message. ARF names one {@code Source-IP}, so reports are composed one per source.
 * When the raw evidence is an e-mail (spam) it travels as {@code message/rfc822}; otherwise the
 * third part is a {@code text/rfc822-headers} block carrying the logged lines as
 * {@code X-Liaison-Evidence} fields, since ARF has no place for non-mail evidence.
 */
@Component(service = ReportFormat.class)
public class ArfFormat implements ReportFormat {

    @Override
    public String id() {
        return "arf";
    }

    @Override
    public String displayName() {
        return "ARF (RFC 5965)";
    }

    @Override
    public boolean oneSourcePerReport() {
        return true;
    }

    @Override
    public RenderedReport render(Report report) throws LiaisonException {
        if (report.evidence().isEmpty()) {
            throw new LiaisonException("report " + report.ticketId() + ": ARF needs at least one event");
        }
        Evidence first = report.evidence().get(0);
        Map<String, String> a = first.attributes();
        String source = a.get("source.ip");
        for (Evidence e : report.evidence()) {
            String ip = e.attributes().get("source.ip");
            if (ip != null && !ip.equals(source)) {
                throw new LiaisonException("report " + report.ticketId() + ": ARF names one source, but the events come from "
                        + source + " and " + ip + "; group by source");
            }
        }
        StringBuilder fb = new StringBuilder();
        String type = report.type().type();
        fb.append("Feedback-Type: ").append(type.equals("spam") ? "abuse" : type.equals("phishing") ? "fraud" : "other").append("\r\n");
        fb.append("User-Agent: Liaison/0.1\r\n");
        fb.append("Version: 1\r\n");
        if (first.utc() != null) {
            fb.append("Arrival-Date: ").append(new MailDateFormat().format(Date.from(first.utc()))).append("\r\n");
        }
        if (source != null) {
            fb.append("Source-IP: ").append(source).append("\r\n");
        }
        fb.append("Incidents: ").append(report.evidence().size()).append("\r\n");
        for (Resource r : report.resources()) {
            if (r.kind() == Resource.Kind.DOMAIN) {
                fb.append("Reported-Domain: ").append(r.text()).append("\r\n");
            }
        }
        String url = a.get("source.url");
        if (url != null && url.chars().allMatch(c -> c > 32 && c < 127)) {
            fb.append("Reported-URI: ").append(url).append("\r\n");
        }
        RenderedReport.Part human = new RenderedReport.Part("text/plain; charset=UTF-8", null,
                ReportTexts.summary(report, "an ARF feedback report").getBytes(StandardCharsets.UTF_8));
        RenderedReport.Part feedback = new RenderedReport.Part("message/feedback-report", null, ascii(fb.toString()));
        return new RenderedReport("[" + report.ticketId() + "] " + type + " from " + (source == null ? "your network" : source) + " (ARF)",
                "multipart/report; report-type=feedback-report", List.of(human, feedback, original(report)));
    }

    /** The reported message when the evidence is one, else the logged lines as a header block. */
    private static RenderedReport.Part original(Report report) {
        String raw = report.evidence().get(0).line();
        if (report.evidence().size() == 1 && raw != null && looksLikeMessage(raw)) {
            return new RenderedReport.Part("message/rfc822", null, ascii(raw.replace("\r\n", "\n").replace("\n", "\r\n")));
        }
        StringBuilder h = new StringBuilder();
        h.append("Subject: evidence of ").append(report.ticketId()).append("\r\n");
        for (Evidence e : report.evidence()) {
            String line = (ReportTexts.utc(e) + " " + (e.line() == null ? ReportTexts.endpoint(e.attributes(), "source") : e.line()))
                    .replaceAll("[\\r\\n]+", " ");
            h.append("X-Liaison-Evidence: ").append(line).append("\r\n");
        }
        return new RenderedReport.Part("text/rfc822-headers; charset=UTF-8", null, h.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean looksLikeMessage(String raw) {
        String head = raw.replace("\r\n", "\n");
        int end = head.indexOf("\n\n");
        return end > 0 && head.substring(0, end).lines().allMatch(l -> l.matches("[!-9;-~]+:.*|[ \\t].*"))
                && head.substring(0, end).toLowerCase(java.util.Locale.ROOT).matches("(?s).*(^|\n)(from|received|message-id):.*");
    }

    /** message/* parts travel unencoded (RFC 5965 asks for 7bit): anything outside ASCII becomes '?'. */
    private static byte[] ascii(String s) {
        return s.replaceAll("[^\\x09\\x0A\\x0D\\x20-\\x7E]", "?").getBytes(StandardCharsets.US_ASCII);
    }
}
