package liaison.whoisd;

import java.time.Duration;

/**
 * How a whois server listens and what it allows each client.
 *
 * @param bindAddress              address to listen on ({@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::})
 * @param port                     TCP port; 0 picks a free one
 * @param maxConnections           simultaneous connections in all
 * @param maxConnectionsPerClient  simultaneous connections from one client address
 * @param queriesPerMinute         queries one client address may send per minute
 * @param idleTimeout              how long a connection may wait for a query
 */
public record WhoisServerConfig(String bindAddress, int port, int maxConnections, int maxConnectionsPerClient,
        int queriesPerMinute, Duration idleTimeout) {

    /** Loopback, the given port, and limits for a team's own server. */
    public static WhoisServerConfig loopback(int port) {
        return new WhoisServerConfig("127.0.0.1", port, 64, 4, 600, Duration.ofSeconds(30));
    }
}
