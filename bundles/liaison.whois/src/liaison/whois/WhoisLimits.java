package liaison.whois;

import java.time.Duration;

/**
 * Hard caps on one whois exchange, so a hostile or broken server cannot hang a lookup or fill the
 * memory: the largest answer accepted, the connect and per-read timeouts, and a total deadline
 * that also ends a server dripping one byte at a time.
 *
 * @param maxAnswerBytes  answers longer than this are refused (not truncated)
 * @param connectTimeout  how long to wait for the TCP connection
 * @param readTimeout     how long to wait for the next bytes
 * @param deadline        the most the whole exchange may take
 */
public record WhoisLimits(int maxAnswerBytes, Duration connectTimeout, Duration readTimeout, Duration deadline) {

    /** 1 MiB, 10 s to connect, 15 s between reads, 30 s in all. */
    public static final WhoisLimits DEFAULT = new WhoisLimits(1 << 20, Duration.ofSeconds(10), Duration.ofSeconds(15),
            Duration.ofSeconds(30));

    public WhoisLimits {
        if (maxAnswerBytes < 1 || connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero() || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("whois limits must be positive");
        }
    }
}
