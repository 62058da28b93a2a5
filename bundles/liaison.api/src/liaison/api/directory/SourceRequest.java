package liaison.api.directory;

import java.net.URI;
import java.nio.file.Path;

/**
 * What the directory asks a {@link DirectorySource} to read, with what the coordinator configured
 * for it.
 *
 * @param location       a file (as {@code file:} URI) or an http(s) URL
 * @param key            the public key the source must verify signatures with (PEM text), or null
 *                       when none is configured; a source that requires one refuses to read without it
 * @param stateDirectory a directory private to this source and location, kept between runs, where
 *                       an incremental source (NRTMv4, a peer feed) keeps its mirror; a source must
 *                       replace its state atomically (write aside, then move) so a crash leaves the
 *                       old or the new state, never a mix
 */
public record SourceRequest(URI location, String key, Path stateDirectory) {

    public SourceRequest {
        if (location == null) {
            throw new IllegalArgumentException("a source request needs a location");
        }
    }

    /** A request for a one-shot read: no key, no state kept. */
    public static SourceRequest of(URI location) {
        return new SourceRequest(location, null, null);
    }
}
