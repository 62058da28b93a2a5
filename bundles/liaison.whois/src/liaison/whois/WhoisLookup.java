package liaison.whois;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import liaison.api.LiaisonException;
import liaison.api.model.Resource;

/**
 * Asks whois about a resource the way a careful analyst would: the first server, then wherever its
 * answer refers (ARIN {@code ReferralServer} and {@code ResourceLink}, IANA {@code refer:}, transfer
 * stubs, APNIC's NIR mirrors), at most {@value #MAX_HOPS} servers, never the same query twice; then,
 * at the last server, the contact objects its answer named but left out (an irt, an abuse-c role, an
 * organisation). Every exchange goes through the given {@link WhoisTransport}.
 */
public final class WhoisLookup {

    /** Servers asked for one resource at most, the first included. */
    public static final int MAX_HOPS = 5;
    /** Handle queries at most per server. */
    public static final int MAX_FOLLOW_UPS = 4;

    /** Reads an exchange into the model: {@link WhoisAnswers#parse}, or an extension for some registries. */
    @FunctionalInterface
    public interface AnswerReader {
        WhoisAnswer read(WhoisResponse response, Registry registry) throws LiaisonException;
    }

    private final WhoisTransport transport;
    private final AnswerReader reader;

    public WhoisLookup(WhoisTransport transport) {
        this(transport, WhoisAnswers::parse);
    }

    public WhoisLookup(WhoisTransport transport, AnswerReader reader) {
        this.transport = transport;
        this.reader = reader;
    }

    /**
     * @param first the server to ask first (the registry the IANA bootstrap names)
     * @throws LiaisonException when the first server gives no answer; failures further down the chain
     *                          are recorded in {@link WhoisTrail#problems()} and keep what was learned
     */
    public WhoisTrail lookup(Resource resource, WhoisServer first) throws LiaisonException {
        List<WhoisTrail.Hop> hops = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> asked = new HashSet<>();
        WhoisServer server = first;
        String reason = "the registry of " + resource.text();
        for (int hop = 0;; hop++) {
            Registry registry = Registry.ofHost(server.host());
            String query = server.rwhois() ? resource.text() : registry.query(resource);
            if (!asked.add(server + "|" + query)) {
                problems.add("referral loop: " + server + " was already asked '" + query + "' (" + reason + ")");
                break;
            }
            WhoisAnswer answer;
            try {
                answer = reader.read(transport.exchange(server, query, registry), registry);
            } catch (LiaisonException e) {
                if (hop == 0) {
                    throw e;
                }
                problems.add("could not follow the referral to " + server + ": " + e.getMessage());
                break;
            }
            Referral next = answer.referral();
            List<WhoisAnswer> followUps = next == null ? followUps(answer, registry, asked, problems) : List.of();
            hops.add(new WhoisTrail.Hop(reason, answer, followUps));
            if (next == null) {
                break;
            }
            if (hop + 1 >= MAX_HOPS) {
                problems.add("stopped after " + MAX_HOPS + " servers; " + server + " refers on to " + next.server());
                break;
            }
            server = next.server();
            reason = next.reason();
        }
        return new WhoisTrail(resource, hops, problems);
    }

    /** Asks the same server for the contacts its answer named but did not include. */
    private List<WhoisAnswer> followUps(WhoisAnswer answer, Registry registry, Set<String> asked, List<String> problems) {
        if (registry == Registry.ARIN || registry == Registry.KRNIC || registry == Registry.IANA || registry == Registry.OTHER
                || answer.notFound() || answer.mostSpecific().isEmpty()) {
            return List.of(); // ARIN and KRNIC answers carry their contacts inline; IANA and others have none to ask for
        }
        NetworkRecord net = answer.mostSpecific().get();
        Set<String> wanted = new LinkedHashSet<>();
        wanted.addAll(net.handles("mnt-irt"));
        wanted.addAll(net.handles("abuse-c"));
        if (registry == Registry.JPNIC) {
            wanted.addAll(net.handles("admin-c"));
            wanted.addAll(net.handles("tech-c"));
        } else if (net.org() != null && net.handles("abuse-c").isEmpty() && answer.abuseNotices().isEmpty()) {
            wanted.add(net.org()); // RIPE's rule: without its own abuse-c, the organisation's applies
        }
        List<WhoisAnswer> out = new ArrayList<>();
        for (String handle : wanted) {
            if (answer.party(handle).isPresent() || out.stream().anyMatch(a -> a.party(handle).isPresent())) {
                continue;
            }
            if (out.size() >= MAX_FOLLOW_UPS) {
                problems.add("did not ask " + answer.response().server() + " for " + handle + ": at most " + MAX_FOLLOW_UPS
                        + " handle queries per server");
                break;
            }
            String query = registry.handleQuery(handle);
            if (!asked.add(answer.response().server() + "|" + query)) {
                continue;
            }
            try {
                out.add(reader.read(transport.exchange(answer.response().server(), query, registry), registry));
            } catch (LiaisonException e) {
                problems.add("could not get " + handle + " from " + answer.response().server() + ": " + e.getMessage());
            }
        }
        return out;
    }
}
