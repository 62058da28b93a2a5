package liaison.mail;

import java.time.Duration;
import java.util.Map;

/**
 * How a contact answers our reports.
 *
 * @param contact         the recipient address
 * @param sent            reports sent to it
 * @param replies         answers by kind (zero kinds are absent)
 * @param answered        sent reports with at least one human or automatic answer
 * @param medianFirstReply median time from sending to the first answer that is not a bounce, or null when none came
 */
public record ContactStats(String contact, int sent, Map<ReplyKind, Integer> replies, int answered, Duration medianFirstReply) {

    public ContactStats {
        replies = Map.copyOf(replies);
    }
}
