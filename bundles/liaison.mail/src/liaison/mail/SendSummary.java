package liaison.mail;

import java.util.List;

/**
 * What one run of {@link Outbox#send} did.
 *
 * @param sent       messages accepted by the transport in this run
 * @param deferred   messages that failed temporarily and stay queued
 * @param failed     messages refused for good
 * @param uncertain  messages found half-sent from an earlier run: not resent (see {@link OutboxEntry.State#UNCERTAIN})
 * @param problems   one line per failure: ticket id and reason
 */
public record SendSummary(int sent, int deferred, int failed, int uncertain, List<String> problems) {

    public SendSummary {
        problems = List.copyOf(problems);
    }
}
