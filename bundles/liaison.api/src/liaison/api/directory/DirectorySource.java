package liaison.api.directory;

import java.net.URI;

import liaison.api.InputException;
import liaison.api.LiaisonException;

/**
 * A source of team records for the peer directory: Trusted Introducer's {@code teams.json}, the
 * FIRST teams API, RIPE irt objects, an NRTMv4 feed, security.txt, CSV — or a team's own. The
 * directory calls {@link #read} and stores the snapshot in one transaction; a source never writes
 * to the store itself.
 *
 * <p>Contract: {@code read} returns the complete current set of teams the location describes (the
 * directory marks teams missing from it as removed). It may block on I/O; it is called from one
 * thread at a time per source. Malformed input must raise {@link InputException} naming the input
 * and position — never a partial snapshot. Progress goes to the given listener.
 */
public interface DirectorySource {

    /** Stable id used on the command line: {@code liaison directory import <id> LOCATION} ({@code ti}, {@code first}, ...). */
    String id();

    /** One line for people: what the source is. */
    String description();

    /** Reads the location (a file path as URI, or an http(s) URL) into a snapshot. */
    SourceSnapshot read(URI location, ProgressListener progress) throws LiaisonException;

    /**
     * Reads a configured source: the location with its key and state directory. Sources that
     * verify signatures or read incrementally override this; the default reads the location alone.
     */
    default SourceSnapshot read(SourceRequest request, ProgressListener progress) throws LiaisonException {
        return read(request.location(), progress);
    }

    /** Receives progress of long reads; implementations of it must be cheap. */
    @FunctionalInterface
    interface ProgressListener {
        /** @param done units done so far; {@code total} is -1 when unknown */
        void worked(long done, long total, String what);

        ProgressListener NONE = (d, t, w) -> { };
    }
}
