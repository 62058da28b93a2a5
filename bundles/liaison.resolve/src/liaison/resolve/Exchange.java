package liaison.resolve;

/**
 * One query of a lookup, for the explanation chain and the raw-answer view.
 *
 * @param protocol {@code whois} or {@code rdap}
 * @param server   the server or RDAP URL asked (logical, before endpoint mapping)
 * @param query    the query line (whois) or the URL (RDAP)
 * @param cached   true when the answer came from the cache, not from the server
 * @param answer   the answer text, or null when none came
 */
public record Exchange(String protocol, String server, String query, boolean cached, String answer) {

    public Exchange withAnswer(String text) {
        return new Exchange(protocol, server, query, cached, text);
    }
}
