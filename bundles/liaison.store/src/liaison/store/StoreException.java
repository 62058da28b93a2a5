package liaison.store;

import liaison.api.LiaisonException;

/** The store cannot be opened or written: locked by another process, a newer schema, a broken file. */
public class StoreException extends LiaisonException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
