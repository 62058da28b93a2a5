package liaison.api.resolve;

import java.util.List;

import liaison.api.LiaisonException;
import liaison.api.model.ContactCandidate;
import liaison.api.model.Resource;

/**
 * One step of contact resolution: given a resource, contribute contact candidates. The resolver
 * runs every registered step that {@link #supports(Resource) supports} the resource, in service
 * ranking order, and ranks the union. Built-in steps ask whois and RDAP, the constituency index and
 * the directory; a team adds its own (an internal CMDB, a customer database) as a DS component
 * providing this interface.
 *
 * <p>Contract: implementations are called concurrently from the resolver's worker threads and must
 * be thread-safe. They must honour {@link ResolutionContext#offline()} (no network) and return
 * within {@link ResolutionContext#timeout()}; the resolver abandons slower calls. Every candidate
 * must carry a {@code source} and a {@code path} that explain it. Return an empty list when the step
 * knows nothing; throw {@link LiaisonException} with a one-line reason when it failed.
 */
public interface ResolverStep {

    /** Short, stable id shown in explanations and {@code liaison doctor} ({@code whois}, {@code rdap}, ...). */
    String id();

    /** Whether this step can say anything about such a resource; the default is every kind. */
    default boolean supports(Resource resource) {
        return true;
    }

    /** Contributes candidates for the resource; see the class comment for the contract. */
    List<ContactCandidate> resolve(Resource resource, ResolutionContext context) throws LiaisonException;
}
