package liaison.drill.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import liaison.api.report.RenderedReport;
import liaison.api.report.Report;
import liaison.api.report.ReportFormat;
import liaison.report.ReportTexts;

/**
 * The reachability challenge as a report format, so challenges are composed, signed, queued, sent and
 * their answers tracked like any report: the subject carries the token (the ticket id), the body says
 * what is asked and by when.
 */
@Component(service = ReportFormat.class)
public class ChallengeFormat implements ReportFormat {

    static final String ID = "reach-challenge";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Reachability challenge (drill)";
    }

    @Override
    public RenderedReport render(Report report) {
        String body = report.description() + "\n\n" + report.requestedAction() + "\n\n-- \n" + ReportTexts.signature(report);
        return new RenderedReport("[" + report.ticketId() + "] Reachability check from " + report.reporter().team() + ": please reply",
                "multipart/mixed", List.of(new RenderedReport.Part("text/plain; charset=UTF-8", null, body.getBytes(StandardCharsets.UTF_8))));
    }
}
