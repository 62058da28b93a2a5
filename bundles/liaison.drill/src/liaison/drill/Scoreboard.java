package liaison.drill;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a trainee did: per task, the contact they identified against the ground truth, and the report
 * they sent (to the right team, by the right channel, signed, linter clean, how long it took); then
 * the debrief of ENISA's second session — e-mails sent, replies and their kinds, time to reply,
 * incidents resolved, and why the others stayed silent.
 *
 * @param scenario the scenario id
 * @param tasks    one score per task of the ground truth
 * @param debrief  the second session's questions answered from the session log
 */
public record Scoreboard(String scenario, List<TaskScore> tasks, Debrief debrief) {

    public Scoreboard {
        tasks = List.copyOf(tasks);
    }

    /** Tasks whose contact was right. */
    public long correct() {
        return tasks.stream().filter(TaskScore::correct).count();
    }

    /**
     * One task's result.
     *
     * @param id           task id
     * @param resource     the attacking source
     * @param kind         what the task practises
     * @param expected     the right address (the first of the team's)
     * @param team         the right team
     * @param answer       the contact the trainee identified (from the answers file, else where the report went); null for none
     * @param correct      whether the answer is the right team's
     * @param channelRight whether the answer uses the right channel (an e-mail address for e-mail)
     * @param trap         why the answer is wrong, when it is a known trap; else null
     * @param reported     whether a report naming the source reached the answer's address
     * @param signed       whether that report was PGP/MIME signed
     * @param lint         what Liaison's report linter finds in that report (codes); empty when clean
     * @param taken        from the session's start to that report's arrival, or null
     * @param replies      the kinds of answers that report got ({@code auto-reply}, {@code reply}, {@code clarify},
     *                     {@code resolved}, {@code bounce}), in order
     * @param resolved     whether the right team confirmed the incident resolved
     * @param explanation  the trainer's explanation of the right answer
     */
    public record TaskScore(String id, String resource, String kind, String expected, String team, String answer, boolean correct,
            boolean channelRight, String trap, boolean reported, boolean signed, List<String> lint, Duration taken,
            List<String> replies, boolean resolved, String explanation) {

        public TaskScore {
            lint = List.copyOf(lint);
            replies = List.copyOf(replies);
        }

        /** Whether the report passed the linter without findings. */
        public boolean lintClean() {
            return reported && lint.isEmpty();
        }
    }

    /**
     * The second session's questions.
     *
     * @param emailsSent        e-mails the trainee sent into the simulation (distinct messages)
     * @param replies           answers received
     * @param kinds             answers by kind
     * @param medianReply       median time from report to first answer (bounces excluded, scenario time), or null
     * @param fastestReply      shortest such time, or null
     * @param slowestReply      longest such time, or null
     * @param resolved          incidents the right team confirmed resolved
     * @param silent            per address that never answered a report: why (as the simulation knows it)
     */
    public record Debrief(int emailsSent, int replies, Map<String, Integer> kinds, Duration medianReply, Duration fastestReply,
            Duration slowestReply, int resolved, Map<String, String> silent) {

        public Debrief {
            kinds = Map.copyOf(kinds);
            silent = Map.copyOf(silent);
        }
    }
}
