package liaison.api.transport;

import liaison.api.LiaisonException;

/**
 * A transport could not deliver a message. {@link #permanent()} when retrying cannot help (SMTP 5xx,
 * HTTP 404 for a webhook that no longer exists): the outbox then marks the recipient failed and
 * never retries it; otherwise it keeps the message queued for the next run. A plain
 * {@link LiaisonException} from {@link Transport#deliver} counts as temporary.
 */
public class DeliveryException extends LiaisonException {
    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public DeliveryException(String message, boolean permanent) {
        this(message, permanent, null);
    }

    /** True when the recipient refused the message for good. */
    public boolean permanent() {
        return permanent;
    }
}
