package liaison.rdap;

import java.time.Duration;

/**
 * Hard caps on one RDAP request: the largest body accepted, the connect timeout, the total time for
 * the request with its redirects, and how many redirects are followed.
 */
public record RdapLimits(int maxBodyBytes, Duration connectTimeout, Duration deadline, int maxRedirects) {

    /** 4 MiB, 10 s to connect, 30 s in all, 5 redirects. */
    public static final RdapLimits DEFAULT = new RdapLimits(4 << 20, Duration.ofSeconds(10), Duration.ofSeconds(30), 5);

    public RdapLimits {
        if (maxBodyBytes < 1 || connectTimeout.isNegative() || connectTimeout.isZero() || deadline.isNegative()
                || deadline.isZero() || maxRedirects < 0) {
            throw new IllegalArgumentException("RDAP limits must be positive");
        }
    }
}
