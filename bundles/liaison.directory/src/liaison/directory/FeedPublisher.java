package liaison.directory;

import java.nio.file.Path;
import java.util.List;

import liaison.api.LiaisonException;

/**
 * Publishes the directory (or part of it) as a signed peer feed in the style of NRTMv4: an update
 * notification file signed with the workspace's feed key (JWS, ES256), a snapshot, and deltas from
 * the previous publication in the same directory. Another Liaison subscribes with
 * {@code liaison directory sources add feed URL --key PUBKEY}.
 */
public interface FeedPublisher {

    /** The name of the notification file a subscriber points at. */
    String NOTIFICATION_FILE = "update-notification-file.jose";

    /** The name of the PEM public key file written next to it. */
    String PUBLIC_KEY_FILE = "feed-public-key.pem";

    /**
     * Writes a new version of the feed into the directory (created when missing).
     *
     * @param name the feed's source name, as subscribers will see it ({@code feed:NAME})
     */
    Publication publish(Path directory, String name, TeamFilter filter) throws LiaisonException;

    /**
     * What a publication wrote.
     *
     * @param sessionId    the feed's session (a new one when there was no usable previous publication)
     * @param version      the version published
     * @param teams        number of teams in the snapshot
     * @param files        the files written, relative to the directory
     * @param publicKeyPem the key subscribers verify the feed with
     */
    record Publication(String sessionId, long version, int teams, List<String> files, String publicKeyPem) {
        public Publication {
            files = List.copyOf(files);
        }
    }
}
