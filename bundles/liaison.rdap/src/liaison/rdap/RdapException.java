package liaison.rdap;

import java.time.Duration;

import liaison.api.LiaisonException;

/**
 * An RDAP request failed: no connection, a timeout, an HTTP error, or the server's rate limit
 * (HTTP 429, with the {@code Retry-After} it asked for).
 */
public class RdapException extends LiaisonException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final Duration retryAfter;
    private final boolean retryable;

    public RdapException(String message, int status, Duration retryAfter, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
        this.retryable = retryable;
    }

    /** The HTTP status, or 0 when no response came. */
    public int status() {
        return status;
    }

    /** True for HTTP 404: the server has no such object. */
    public boolean notFound() {
        return status == 404;
    }

    /** True for HTTP 429. */
    public boolean rateLimited() {
        return status == 429;
    }

    /** How long the server asked to wait ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** True when asking again later may help (connection failures, 429, 5xx). */
    public boolean retryable() {
        return retryable;
    }
}
