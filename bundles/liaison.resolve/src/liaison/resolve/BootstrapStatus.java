package liaison.resolve;

import java.time.Instant;
import java.util.Map;

/**
 * Which IANA bootstrap files a resolver uses.
 *
 * @param origin       where they were read: the shipped snapshot, the workspace, a {@code --bootstrap} directory
 * @param publications each file's {@code publication} date
 * @param fetched      when the workspace copy was downloaded, or null
 * @param updated      true when this call downloaded them
 * @param message      one line for people: what was done or why not
 */
public record BootstrapStatus(String origin, Map<String, String> publications, Instant fetched, boolean updated, String message) {
    public BootstrapStatus {
        publications = Map.copyOf(publications);
    }
}
