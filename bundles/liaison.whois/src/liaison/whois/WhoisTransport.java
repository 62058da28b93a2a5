package liaison.whois;

import liaison.api.LiaisonException;

/**
 * Sends one whois query on behalf of a {@link WhoisLookup}. The resolver implements it: it maps the
 * logical server to where it really is (an endpoint file), keeps to the server's rate limits, retries
 * transient failures and answers from its cache when it can.
 */
@FunctionalInterface
public interface WhoisTransport {

    /**
     * @param server   the logical server, as registries and referrals name it
     * @param query    the query line
     * @param registry the registry of that server (its charset and answer format)
     * @throws LiaisonException with a one-line reason when no answer could be had
     */
    WhoisResponse exchange(WhoisServer server, String query, Registry registry) throws LiaisonException;
}
