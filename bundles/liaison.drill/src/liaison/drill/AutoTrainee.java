package liaison.drill;

import java.time.Duration;

import liaison.api.LiaisonException;
import liaison.mail.ReplyTracker;
import liaison.mail.SendSummary;
import liaison.report.ComposedReport;
import liaison.simnet.SimulatedInternet;
import liaison.triage.ContactRouting;
import liaison.triage.Triage;

/**
 * Liaison playing the trainee, end to end, in the workspace it runs in: imports the scenario's
 * directory snapshot, triages the logs, routes every source to its contact through the simulated
 * registries, composes signed reports, sends them through the outbox to the simulated mail server,
 * lets the recipients answer, reads the answers over IMAP and scores the session. {@code liaison drill
 * run --auto} and {@code liaison demo} are shells over it.
 *
 * <p>It sends through the workspace's outbox, so it refuses a workspace whose outbox still holds
 * queued reports (they would go into the simulation); the CLI gives it a fresh workspace by default.
 */
public interface AutoTrainee {

    /** Hears what the trainee does, for narration; called from the playing thread and resolver workers. */
    interface Listener {
        default void step(String what) {
        }

        default void triaged(Triage.Result result) {
        }

        default void routed(ContactRouting.Routed routed) {
        }

        default void drafted(ComposedReport report) {
        }

        default void sent(SendSummary summary) {
        }

        default void fetched(ReplyTracker.FetchSummary summary) {
        }
    }

    /**
     * Plays the scenario the simulated Internet serves.
     *
     * @param wait how long to wait for the recipients' answers
     * @return the scoreboard of the session
     */
    Scoreboard play(SimulatedInternet internet, Duration wait, Listener listener) throws LiaisonException;
}
