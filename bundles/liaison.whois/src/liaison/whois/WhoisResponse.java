package liaison.whois;

import java.time.Instant;

/**
 * One whois exchange as it happened: the server, the query sent and the answer decoded to text.
 *
 * @param server  the logical server asked (not the address the endpoint mapping connected to)
 * @param query   the query line sent, without CR LF
 * @param text    the decoded answer
 * @param fetched when the answer was received
 * @param cached  true when the answer came from a cache instead of the server
 */
public record WhoisResponse(WhoisServer server, String query, String text, Instant fetched, boolean cached) {
}
