package liaison.directory;

/**
 * One configured source's part of a {@code directory sync}: its result, or why it failed (then
 * nothing of it was written).
 *
 * @param source the configured source
 * @param result the result, or null when it failed
 * @param error  the one-line reason it failed, or null
 */
public record SyncOutcome(ConfiguredSource source, SyncResult result, String error) {

    public boolean ok() {
        return error == null;
    }
}
