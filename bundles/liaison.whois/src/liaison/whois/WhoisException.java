package liaison.whois;

import liaison.api.LiaisonException;

/**
 * A whois exchange failed: the server could not be reached, did not answer in time, broke the
 * connection or exceeded a limit. {@link #retryable()} tells whether asking again later may help.
 */
public class WhoisException extends LiaisonException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public WhoisException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** True for transient failures (refused or reset connections); false for limits and timeouts. */
    public boolean retryable() {
        return retryable;
    }
}
