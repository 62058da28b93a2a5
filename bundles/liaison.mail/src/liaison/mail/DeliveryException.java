package liaison.mail;

import liaison.api.LiaisonException;

/** A transport could not deliver a message; {@link #permanent()} when retrying cannot help (SMTP 5xx). */
public class DeliveryException extends LiaisonException {
    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
