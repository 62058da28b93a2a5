package liaison.api.drill;

import java.nio.file.Path;
import java.util.List;

import liaison.api.LiaisonException;

/**
 * Offers exercise scenarios for {@code liaison drill}: a team publishes its own training scenarios as
 * a bundle providing this interface as a DS service; Liaison's built-in scenario is provided the same
 * way. A scenario is a pack of files in the layout {@code docs/scenarios.md} describes:
 * {@code scenario.json} at its root, the registries' data in their own formats, RDAP answers, a
 * directory snapshot, attack logs, the ground truth and the simulated recipients.
 *
 * <p>Contract: implementations are thread-safe. {@link #scenarios()} is cheap (no network, no large
 * reads) and returns the same ids for the life of the service. {@link #export} writes the complete
 * pack of one scenario into the given directory (which exists and is empty), never outside it, and may
 * block on local I/O only. A pack must only name documentation address space (RFC 5737, RFC 3849),
 * documentation AS numbers (RFC 5398), reserved domains (RFC 2606) or otherwise clearly fictitious
 * data: scenarios must never make trainees write to real abuse desks. Liaison calls both methods
 * through its extension isolation with a deadline; failures are reported naming the providing bundle.
 */
public interface ScenarioProvider {

    /** The scenarios this provider offers. */
    List<ScenarioDescriptor> scenarios();

    /**
     * Writes the pack of a scenario into {@code target}.
     *
     * @param id     one of {@link #scenarios()}'s ids
     * @param target an existing, empty directory
     * @throws LiaisonException naming the scenario when it is unknown or cannot be written
     */
    void export(String id, Path target) throws LiaisonException;
}
