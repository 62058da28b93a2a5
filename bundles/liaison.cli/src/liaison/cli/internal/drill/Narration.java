package liaison.cli.internal.drill;

import java.io.PrintWriter;
import java.util.Locale;

import liaison.api.model.ContactCandidate;
import liaison.drill.AutoTrainee;
import liaison.mail.ReplyTracker;
import liaison.mail.SendSummary;
import liaison.report.ComposedReport;
import liaison.report.LintFinding;
import liaison.triage.ContactRouting;
import liaison.triage.Triage;

/** What the automatic trainee does, told as it happens: briefly for {@code drill run}, with explanations for {@code demo}. */
final class Narration implements AutoTrainee.Listener {

    private final PrintWriter out;
    private final boolean explain;

    Narration(PrintWriter out, boolean explain) {
        this.out = out;
        this.explain = explain;
    }

    @Override
    public void step(String what) {
        out.println("== " + what);
        out.flush();
    }

    @Override
    public void triaged(Triage.Result r) {
        long sources = r.findings().stream().filter(f -> f.indicator().role() == liaison.api.triage.Indicator.Role.SOURCE).count();
        out.printf("   %d lines, %d events, %d indicators of which %d sources (%s)%n", r.lines(), r.observations(), r.findings().size(),
                sources, String.join(", ", r.formats().stream().map(f -> f.substring(f.lastIndexOf('/') + 1)).toList()));
        out.flush();
    }

    @Override
    public synchronized void routed(ContactRouting.Routed r) {
        ContactCandidate c = r.contact();
        if (c == null) {
            out.printf("   %-20s nobody to tell: %s%n", r.resource().text(), r.note());
        } else {
            String registry = r.resolution() == null || r.resolution().registry() == null ? "" : r.resolution().registry() + ", ";
            out.printf("   %-20s %-32s %s (%s%s)%n", r.resource().text(), c.email(), c.role().id(), registry, r.route());
            if (explain) {
                out.println("      " + c.pathText());
                if (r.note() != null) {
                    out.println("      why: " + r.note());
                }
            }
        }
        out.flush();
    }

    @Override
    public void drafted(ComposedReport c) {
        if (explain) {
            String lint = c.findings().isEmpty() ? "linter clean" : "linter: " + String.join(", ", c.findings().stream()
                    .map(f -> f.severity().name().toLowerCase(Locale.ROOT) + " " + f.code()).toList());
            out.printf("   %s  %-14s %2d event(s) to %s, signed, %s%n", c.report().ticketId(), c.report().type().type(),
                    c.report().evidence().size(), String.join(", ", c.report().recipients()), lint);
            for (LintFinding f : c.findings()) {
                out.println("      " + f.message());
            }
            out.flush();
        }
    }

    @Override
    public void sent(SendSummary s) {
        out.printf("   sent %d, deferred %d, failed %d%n", s.sent(), s.deferred(), s.failed());
        s.problems().forEach(p -> out.println("   " + p));
        out.flush();
    }

    @Override
    public void fetched(ReplyTracker.FetchSummary f) {
        out.printf("   %d message(s) in the trainee's mailbox, %d answer(s) to our reports recorded%n", f.scanned(), f.recorded());
        out.flush();
    }
}
