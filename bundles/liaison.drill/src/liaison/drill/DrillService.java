package liaison.drill;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import liaison.api.LiaisonException;
import liaison.api.drill.ScenarioDescriptor;
import liaison.simnet.ScenarioPack;
import liaison.simnet.SessionLog;

/**
 * The drill mode's scenarios and scoring, independent of any workspace: the CLI's {@code liaison drill
 * list|serve|score} and the workbench's Drill view are shells over it. Thread-safe.
 */
public interface DrillService {

    /**
     * The scenarios the installed {@link liaison.api.drill.ScenarioProvider}s offer, by id. A provider
     * that fails or overruns is left out and reported to {@code problems} with its bundle, so one
     * broken scenario bundle does not hide the others.
     */
    List<ScenarioDescriptor> scenarios(Consumer<String> problems);

    /**
     * Opens a scenario: an installed one by id (its pack is written into {@code work}), a pack directory
     * (read where it is) or a pack zip (unpacked into {@code work}).
     *
     * @param work an empty or missing directory for a pack that must be written out
     * @throws LiaisonException when no provider offers the id and no such pack exists, or the pack is
     *                          malformed ({@link liaison.api.InputException} naming file and line)
     */
    ScenarioPack open(String scenario, Path work) throws LiaisonException;

    /** The pack's ground truth. */
    GroundTruth truth(ScenarioPack pack) throws LiaisonException;

    /**
     * Scores a session against the ground truth.
     *
     * @param session the session log (reports that reached the simulated recipients, and their answers)
     * @param answers the contacts the trainee identified, by resource (any form {@link liaison.api.model.Resource#parse}
     *                reads); a task without one is scored by where its report went
     */
    Scoreboard score(ScenarioPack pack, SessionLog.Session session, Map<String, String> answers) throws LiaisonException;
}
