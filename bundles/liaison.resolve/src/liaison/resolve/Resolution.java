package liaison.resolve;

import java.util.List;
import java.util.Optional;

import liaison.api.model.ContactCandidate;
import liaison.api.model.Resource;
import liaison.api.resolve.NetworkInfo;

/**
 * The answer to "who do I tell about this resource?", explained.
 *
 * @param query    the resource looked up
 * @param registry the registry that answered last ({@code ripe}, {@code jpnic}, ...), or null
 * @param network  the most specific object holding the resource, or null
 * @param contacts every candidate, best first
 * @param chain    every query sent (or answered from the cache), in order
 * @param notices  what the registries said that the analyst should read (terms, filtering, no abuse contact)
 * @param problems what went wrong on the way without stopping the lookup (a referral that failed, a loop)
 * @param error    why the lookup failed, or null when it worked
 */
public record Resolution(Resource query, String registry, NetworkInfo network, List<ContactCandidate> contacts,
        List<Exchange> chain, List<String> notices, List<String> problems, String error) {

    public Resolution {
        contacts = List.copyOf(contacts);
        chain = List.copyOf(chain);
        notices = List.copyOf(notices);
        problems = List.copyOf(problems);
    }

    /** The best candidate, if there is any. */
    public Optional<ContactCandidate> best() {
        return contacts.isEmpty() ? Optional.empty() : Optional.of(contacts.get(0));
    }

    public boolean failed() {
        return error != null;
    }
}
