package liaison.resolve;

import java.time.Duration;

/**
 * How Liaison treats one server: how many connections at once, how long between two queries, and how
 * often a failed query is tried again (with a growing pause). Defaults are conservative: one
 * connection and at most one query a second per RIR whois server, LACNIC RDAP at most ten a minute.
 *
 * @param connections  queries in flight at once
 * @param interval     least time between the start of two queries (zero: no rate limit)
 * @param retries      further attempts after a transient failure
 * @param backoff      pause before the first retry; doubled for each further one
 */
public record Politeness(int connections, Duration interval, int retries, Duration backoff) {

    public Politeness {
        if (connections < 1 || interval.isNegative() || retries < 0 || backoff.isNegative()) {
            throw new IllegalArgumentException("politeness values must be positive");
        }
    }

    /** One connection, one query a second, two retries starting at one second: RIR whois. */
    public static final Politeness WHOIS = new Politeness(1, Duration.ofSeconds(1), 2, Duration.ofSeconds(1));
    /** Two connections, two queries a second: RDAP services without a published limit. */
    public static final Politeness RDAP = new Politeness(2, Duration.ofMillis(500), 2, Duration.ofSeconds(1));
    /** LACNIC RDAP: at most ten queries a minute. */
    public static final Politeness LACNIC_RDAP = new Politeness(1, Duration.ofSeconds(6), 2, Duration.ofSeconds(6));
}
