package org.example.liaison.internal;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import liaison.api.LiaisonException;
import liaison.api.model.Resource;
import liaison.api.report.Evidence;
import liaison.api.report.RenderedReport;
import liaison.api.report.Report;
import liaison.api.report.ReportFormat;

/** Renders a report as Markdown, for teams whose ticket system or chat reads Markdown. */
@Component
public class MarkdownReportFormat implements ReportFormat {

    @Override
    public String id() {
        return "markdown";
    }

    @Override
    public String displayName() {
        return "Markdown (example extension)";
    }

    @Override
    public RenderedReport render(Report r) throws LiaisonException {
        if (r.requestedAction() == null || r.requestedAction().isBlank()) {
            throw new LiaisonException("report " + r.ticketId() + " asks for no action; Markdown reports need one");
        }
        StringBuilder md = new StringBuilder();
        String subject = "[" + r.ticketId() + "] " + r.type().type() + " from your network";
        md.append("# ").append(escape(subject)).append("\n\n");
        md.append("**From:** ").append(escape(r.reporter().team())).append(" <").append(r.reporter().email()).append(">  \n");
        md.append("**Classification:** ").append(escape(r.type().taxonomy() + " / " + r.type().type())).append("  \n");
        if (r.tlp() != null) {
            md.append("**Sharing:** ").append(r.tlp().label()).append("  \n");
        }
        md.append("\n").append(escape(r.description())).append("\n\n## Requested action\n\n").append(escape(r.requestedAction()))
                .append("\n\n## Resources\n\n");
        for (Resource res : r.resources()) {
            md.append("- `").append(res.text()).append("`\n");
        }
        md.append("\n## Evidence (times in UTC)\n\n| Time (UTC) | Original offset | Log line |\n|---|---|---|\n");
        for (Evidence e : r.evidence()) {
            String utc = e.observed() == null ? "unknown" : DateTimeFormatter.ISO_INSTANT.format(e.utc());
            String offset = e.observed() == null ? "" : e.observed().getOffset().equals(ZoneOffset.UTC) ? "UTC" : e.observed().getOffset().toString();
            md.append("| ").append(utc).append(" | ").append(offset).append(e.zoneKnown() ? "" : " (assumed)").append(" | ")
                    .append(e.line() == null ? "(no log line)" : "`" + e.line().replace("`", "'").replace("|", "\\|") + "`").append(" |\n");
        }
        return new RenderedReport(subject, "multipart/mixed",
                List.of(new RenderedReport.Part("text/markdown; charset=UTF-8", null, md.toString().getBytes(StandardCharsets.UTF_8))));
    }

    /** Keeps text from a log or a registry from turning into Markdown markup. */
    static String escape(String text) {
        return text == null ? "" : text.replaceAll("([\\\\`*_\\[\\]#<>|])", "\\\\$1");
    }
}
