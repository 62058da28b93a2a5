package liaison.drill;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import liaison.api.LiaisonException;
import liaison.api.report.Reporter;
import liaison.api.transport.Transport;
import liaison.directory.TeamFilter;
import liaison.mail.MailServer;

/**
 * Reachability drills of the peer directory, as TF-CSIRT teams and Trusted Introducer run them and as
 * the ccNSO contact repository plans them (every three months): each selected team gets a signed
 * challenge carrying a token (its ticket id) at its first e-mail address; answers are read over IMAP
 * and matched by the reply tracking; a team that gave no human answer by the deadline is marked
 * unresponsive. Rounds and results are kept in the workspace store.
 *
 * <p>Liaison runs no daemon: a schedule is a state in the store that {@link #due()} compares with the
 * last round, so a cron job can call the drill every day and a round starts only when one is due.
 */
public interface ReachDrill {

    /** Where a team stands in a round. */
    enum Status {
        /** Challenge sent, no answer yet, deadline not passed. */
        PENDING,
        /** A person answered. */
        RESPONDED,
        /** Only an automatic reply came before the deadline passed. */
        AUTO_ONLY,
        /** The address bounced. */
        BOUNCED,
        /** No answer by the deadline. */
        UNRESPONSIVE,
        /** The challenge could not be sent (the team has no address, or the server refused it). */
        NOT_SENT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One team in a round.
     *
     * @param team       the team's short name in the directory
     * @param address    where the challenge went, or null
     * @param token      the challenge's ticket id (in its subject); answers keep it
     * @param sentAt     when the transport accepted the challenge, or null
     * @param status     where it stands
     * @param answeredAt when the first answer that counts came (a person's; a bounce for BOUNCED), or null
     * @param note       why a challenge was not sent, or what came (an automatic reply), or null
     */
    record Target(String team, String address, String token, Instant sentAt, Status status, Instant answeredAt, String note) {

        /** Time from sending to the person's answer (never negative: Date headers count whole seconds), or null. */
        public Duration responseTime() {
            if (sentAt == null || answeredAt == null || status != Status.RESPONDED) {
                return null;
            }
            Duration d = Duration.between(sentAt, answeredAt);
            return d.isNegative() ? Duration.ZERO : d;
        }
    }

    /**
     * One round of challenges.
     *
     * @param id       round id ({@code 2026-11-22T08:00:00Z})
     * @param started  when it was started
     * @param deadline when teams without a human answer count as unresponsive
     * @param filter   which teams were selected, as given
     * @param targets  the teams, by name
     */
    record Round(String id, Instant started, Instant deadline, String filter, List<Target> targets) {
        public Round {
            targets = List.copyOf(targets);
        }
    }

    /**
     * Starts a round: composes a signed challenge for each selected team, queues it in the outbox and
     * sends the outbox through the transport (queued reports go with it, as with {@code liaison report send}).
     *
     * @param filter    the directory's teams to challenge
     * @param names     short names (case-insensitive) to keep among them, or empty for all
     * @param filterText how the selection was written, for the history
     * @param deadline  how long teams have to answer
     * @param reporter  who signs the challenges
     */
    Round start(TeamFilter filter, List<String> names, String filterText, Duration deadline, Reporter reporter, Transport transport)
            throws LiaisonException;

    /** Reads new answers over IMAP and updates every round still open; returns the rounds updated. */
    List<Round> collect(MailServer imap) throws LiaisonException;

    /** Updates open rounds whose deadline passed (no mail is read); returns every round, newest first. */
    List<Round> history() throws LiaisonException;

    /** Sets how often rounds are due ({@code P3M} for quarterly), or clears it with null. */
    void schedule(Period every) throws LiaisonException;

    /** The schedule, if one is set. */
    Optional<Period> schedule() throws LiaisonException;

    /** True when a schedule is set and no round started within its period. */
    boolean due() throws LiaisonException;
}
