package liaison.constituency;

/** Receives progress of a load; called from the loading thread, so implementations must be cheap. */
@FunctionalInterface
public interface LoadProgress {

    /**
     * @param file  the file being read (its dataset name), or {@code index} while the index is built
     * @param done  bytes of the file read so far
     * @param total the file's size in bytes, -1 when unknown
     */
    void worked(String file, long done, long total);

    LoadProgress NONE = (f, d, t) -> { };
}
