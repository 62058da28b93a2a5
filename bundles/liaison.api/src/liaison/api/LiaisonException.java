package liaison.api;

/**
 * Base of every checked failure a Liaison service reports to its caller. The message is one line
 * meant for the analyst (the CLI prints it as is); the cause keeps the technical detail.
 */
public class LiaisonException extends Exception {
    private static final long serialVersionUID = 1L;

    public LiaisonException(String message) {
        super(message);
    }

    public LiaisonException(String message, Throwable cause) {
        super(message, cause);
    }
}
