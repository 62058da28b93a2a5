package liaison.whois;

import java.util.ArrayList;
import java.util.List;

import liaison.api.model.Resource;

/**
 * Everything a whois lookup asked and learned: each server in referral order with why it was asked,
 * its answer and the follow-up queries for objects the answer named but did not include.
 *
 * @param resource the resource looked up
 * @param hops     the servers asked, first to last; the last one is the most authoritative
 * @param problems referrals that could not be followed, loops, the hop limit; shown with the result
 */
public record WhoisTrail(Resource resource, List<Hop> hops, List<String> problems) {

    /**
     * One server of the chain.
     *
     * @param reason    why it was asked (the first server, or the referral that led there)
     * @param answer    its answer to the resource query
     * @param followUps its answers to queries for handles the first answer named
     */
    public record Hop(String reason, WhoisAnswer answer, List<WhoisAnswer> followUps) {
        public Hop {
            followUps = List.copyOf(followUps);
        }
    }

    public WhoisTrail {
        hops = List.copyOf(hops);
        problems = List.copyOf(problems);
    }

    /** Every answer in the order the queries were sent. */
    public List<WhoisAnswer> answers() {
        List<WhoisAnswer> all = new ArrayList<>();
        for (Hop h : hops) {
            all.add(h.answer());
            all.addAll(h.followUps());
        }
        return all;
    }
}
