package liaison.cli.internal.drill;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import liaison.cli.internal.CliContext;
import liaison.drill.Scoreboard;
import liaison.drill.Scoreboard.Debrief;
import liaison.drill.Scoreboard.TaskScore;

/** The scoreboard as text or as one JSON object. */
final class ScoreboardOutput {

    private ScoreboardOutput() {
    }

    static void print(CliContext context, Scoreboard s) {
        if (context.json()) {
            context.emitJson(json(s));
            return;
        }
        PrintWriter out = context.out();
        long reported = s.tasks().stream().filter(TaskScore::reported).count();
        out.printf("Scoreboard of %s: %d of %d contacts right; %d sources reported, %d signed, %d linter clean%n", s.scenario(),
                s.correct(), s.tasks().size(), reported, s.tasks().stream().filter(TaskScore::signed).count(),
                s.tasks().stream().filter(TaskScore::lintClean).count());
        out.printf("%-4s %-19s %-31s %-31s %-4s %-6s %-16s %-7s %s%n", "TASK", "SOURCE", "EXPECTED", "ANSWER", "OK", "SIGNED",
                "LINT", "TIME", "REPLIES");
        for (TaskScore t : s.tasks()) {
            out.printf("%-4s %-19s %-31s %-31s %-4s %-6s %-16s %-7s %s%n", t.id(), t.resource(), t.expected(),
                    t.answer() == null ? "-" : t.answer(), t.correct() ? "yes" : "NO", !t.reported() ? "-" : t.signed() ? "yes" : "no",
                    !t.reported() ? "-" : t.lint().isEmpty() ? "clean" : String.join(",", t.lint()), duration(t.taken()),
                    t.replies().isEmpty() ? "-" : String.join(", ", t.replies()));
            if (t.trap() != null) {
                out.printf("     %s is %s%n", t.answer(), t.trap());
            }
        }
        Debrief d = s.debrief();
        out.println();
        out.println("Debrief (session two):");
        out.printf("  e-mails sent        %d%n", d.emailsSent());
        out.printf("  replies             %d%s%n", d.replies(), d.kinds().isEmpty() ? "" : " (" + String.join(", ",
                new TreeMap<>(d.kinds()).entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + ")");
        if (d.medianReply() != null) {
            out.printf("  time to reply       median %s, fastest %s, slowest %s (scenario time)%n", duration(d.medianReply()),
                    duration(d.fastestReply()), duration(d.slowestReply()));
        }
        out.printf("  resolved            %d of %d incidents%n", d.resolved(), s.tasks().size());
        new TreeMap<>(d.silent()).forEach((who, why) -> out.printf("  no answer from      %s: %s%n", who, why));
    }

    static Map<String, Object> json(Scoreboard s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("scenario", s.scenario());
        List<Map<String, Object>> tasks = s.tasks().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("resource", t.resource());
            m.put("case", t.kind());
            m.put("expected", t.expected());
            m.put("team", t.team());
            m.put("answer", t.answer());
            m.put("correct", t.correct());
            m.put("channel_right", t.channelRight());
            m.put("trap", t.trap());
            m.put("reported", t.reported());
            m.put("signed", t.signed());
            m.put("lint", t.lint());
            m.put("lint_clean", t.lintClean());
            m.put("time_taken", t.taken() == null ? null : t.taken().toString());
            m.put("replies", t.replies());
            m.put("resolved", t.resolved());
            return m;
        }).toList();
        o.put("tasks", tasks);
        o.put("correct", s.correct());
        o.put("total", s.tasks().size());
        Debrief d = s.debrief();
        o.put("reports_sent", d.emailsSent());
        o.put("replies", d.replies());
        o.put("reply_kinds", new TreeMap<>(d.kinds()));
        o.put("median_time_to_reply", d.medianReply() == null ? null : d.medianReply().toString());
        o.put("fastest_reply", d.fastestReply() == null ? null : d.fastestReply().toString());
        o.put("slowest_reply", d.slowestReply() == null ? null : d.slowestReply().toString());
        o.put("resolved", d.resolved());
        o.put("silent", new TreeMap<>(d.silent()));
        return o;
    }

    /** {@code 4m 10s}, {@code 2h 05m}, {@code 2d 3h}, {@code -}. */
    static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return (s / 60) + "m " + String.format("%02ds", s % 60);
        }
        if (s < 86400) {
            return (s / 3600) + "h " + String.format("%02dm", s % 3600 / 60);
        }
        return (s / 86400) + "d " + (s % 86400 / 3600) + "h";
    }
}
