package liaison.isolation;

import liaison.api.LiaisonException;

/**
 * An extension call that broke its contract: it threw something other than a
 * {@link LiaisonException} (a bug, a {@link LinkageError}) or overran its deadline. Unlike a
 * {@link LiaisonException} the extension throws itself, the caller cannot tell how far the call got:
 * a transport may have delivered before it failed, so the outbox treats such a delivery as uncertain.
 */
public class ExtensionFailure extends LiaisonException {
    private static final long serialVersionUID = 1L;

    private final boolean timedOut;

    ExtensionFailure(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    /** True when the call was abandoned at its deadline (and interrupted), rather than failing on its own. */
    public boolean timedOut() {
        return timedOut;
    }
}
