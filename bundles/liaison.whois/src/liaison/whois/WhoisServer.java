package liaison.whois;

import java.net.URI;
import java.util.Locale;

/**
 * A whois server as registries name it: host and port, and whether it speaks RWhois (RFC 2167),
 * which ARIN's {@code ReferralServer: rwhois://host:4321} points to. The host is the logical name
 * ({@code whois.ripe.net}); where the connection really goes is decided by the caller's endpoint
 * mapping.
 *
 * @param host   lower-case host name
 * @param port   TCP port (43 for whois, usually 4321 for RWhois)
 * @param rwhois true for an RWhois server, whose queries carry no registry flags
 */
public record WhoisServer(String host, int port, boolean rwhois) {

    public static final int WHOIS_PORT = 43;

    public WhoisServer {
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not a whois host: '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    public static WhoisServer of(String host) {
        return new WhoisServer(host, WHOIS_PORT, false);
    }

    /**
     * Reads {@code host}, {@code host:port}, {@code whois://host[:port]} or {@code rwhois://host[:port]}
     * as referrals write them; a trailing slash or path is ignored.
     */
    public static WhoisServer parse(String text) {
        String s = text.strip();
        boolean rwhois = false;
        int scheme = s.indexOf("://");
        if (scheme > 0) {
            String name = s.substring(0, scheme).toLowerCase(Locale.ROOT);
            if (!name.equals("whois") && !name.equals("rwhois")) {
                throw new IllegalArgumentException("not a whois URL: '" + text + "'");
            }
            rwhois = name.equals("rwhois");
            URI uri = URI.create(s);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host in '" + text + "'");
            }
            return new WhoisServer(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : rwhois ? 4321 : WHOIS_PORT, rwhois);
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            try {
                return new WhoisServer(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)), false);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in '" + text + "'", e);
            }
        }
        return of(s);
    }

    /** {@code host} for port 43, else {@code host:port}; RWhois servers as {@code rwhois://host:port}. */
    @Override
    public String toString() {
        if (rwhois) {
            return "rwhois://" + host + ":" + port;
        }
        return port == WHOIS_PORT ? host : host + ":" + port;
    }
}
