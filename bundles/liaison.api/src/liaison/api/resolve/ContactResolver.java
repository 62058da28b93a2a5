package liaison.api.resolve;

import java.util.List;

import liaison.api.LiaisonException;
import liaison.api.model.ContactCandidate;
import liaison.api.model.Resource;

/**
 * Finds who to tell about a resource: the resolver's answer as a whole (every {@link ResolverStep}
 * run and ranked). The report composer asks it for events that arrive without a contact; it is an
 * optional service, so reports whose events carry {@code source.abuse_contact} need none.
 *
 * <p>Contract: thread-safe; returns candidates best first (an empty list when nobody is known);
 * may block on network I/O but returns within the resolver's configured timeout; throws
 * {@link LiaisonException} with a one-line reason when the lookup itself failed.
 */
public interface ContactResolver {

    List<ContactCandidate> resolve(Resource resource) throws LiaisonException;
}
