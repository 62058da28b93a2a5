package liaison.mail;

import java.util.List;
import java.util.Map;

/**
 * What one run of {@link Outbox#send} did, counted in messages by where they stand after the run
 * (a message counts as sent once every recipient has it).
 *
 * @param sent       messages that every recipient has now, sent completely in this run
 * @param deferred   messages with a recipient that failed temporarily or that no transport handles: still queued
 * @param failed     messages with a recipient that refused them for good
 * @param uncertain  messages with a recipient that may or may not have got it (see {@link OutboxEntry.State#UNCERTAIN}): not resent
 * @param problems   one line per failed delivery of this run: ticket id, recipient and reason
 * @param byTransport deliveries accepted in this run, per transport id
 */
public record SendSummary(int sent, int deferred, int failed, int uncertain, List<String> problems, Map<String, Integer> byTransport) {

    public SendSummary {
        problems = List.copyOf(problems);
        byTransport = Map.copyOf(byTransport);
    }
}
