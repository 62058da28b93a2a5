package liaison.cli.internal.drill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.cli.internal.report.WorkspaceServices;
import liaison.drill.AutoTrainee;
import liaison.drill.DrillService;
import liaison.drill.Scoreboard;
import liaison.simnet.ScenarioPack;
import liaison.simnet.SessionLog;
import liaison.simnet.SimnetOptions;
import liaison.simnet.SimulatedInternet;
import liaison.simnet.SimulatedInternetService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code liaison drill run SCENARIO [--auto] [--json]}: a whole exercise in one command. With
 * {@code --auto} Liaison plays the trainee (in a throw-away workspace unless {@code --data} is given)
 * and prints the scoreboard; without, the simulated Internet serves the trainee until Enter is pressed
 * (or standard input ends), then the session is scored.
 */
@Command(name = "run", header = "Run an exercise (you, or Liaison itself with --auto) and print the scoreboard.",
        description = { "Run an exercise: serve the scenario, let the trainee work (or Liaison itself with --auto),",
        "then print the scoreboard (--json: one object with the tasks, reports sent, replies and debrief)." })
public class DrillRunCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "SCENARIO", description = "An installed scenario's id, a pack directory or a pack .zip.")
    String scenario;

    @Option(names = "--auto", description = "Liaison plays the trainee end to end (in a fresh workspace unless --data is given).")
    boolean auto;

    @Option(names = "--port-base", paramLabel = "N", description = "First port of the servers (default: any free ports with --auto, else "
            + SimnetOptions.DEFAULT_PORT_BASE + ").")
    Integer portBase;

    @Option(names = "--speed", paramLabel = "X", description = "Recipients answer X times faster than the scenario says "
            + "(default: real time; with --auto, fast enough that all have answered within seconds).")
    Double speed;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "30", description = "With --auto: how long to wait for answers (default ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Option(names = "--answers", paramLabel = "FILE", description = "Without --auto: the trainee's contacts, one 'SOURCE CONTACT' per line.")
    Path answers;

    @Option(names = "--session", paramLabel = "DIR", description = "Session directory (default: <data>/drill/<scenario>).")
    Path session;

    public DrillRunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException, InterruptedException {
        if (auto && context.useDataUnlessGiven(temporaryWorkspace())) {
            context.err().println("liaison: the automatic trainee works in " + context.dataDirectory() + " (kept for a look)");
        }
        Path dir = Sessions.directory(context, scenario, session);
        ScenarioPack pack = Sessions.open(context, scenario, dir);
        double x = speed != null ? speed : auto ? Sessions.fitting(pack, Duration.ofSeconds(3)) : 1;
        int base = portBase != null ? portBase : auto ? 0 : SimnetOptions.DEFAULT_PORT_BASE;
        try (SimulatedInternet net = context.service(SimulatedInternetService.class).start(pack, new SimnetOptions(base, x, dir))) {
            Scoreboard board;
            if (auto) {
                context.workspace();
                AutoTrainee trainee = WorkspaceServices.get(context, AutoTrainee.class);
                board = trainee.play(net, Duration.ofSeconds(waitSeconds), context.json() ? new AutoTrainee.Listener() {
                } : new Narration(context.err(), false));
            } else {
                Sessions.announce(context, net, "press Enter here when the trainee is done");
                if (!context.json()) {
                    context.out().println();
                    pack.briefing().forEach(context.out()::println);
                    context.out().println("Press Enter (or end standard input) when done to score the session.");
                    context.out().flush();
                }
                awaitEnter();
                board = context.service(DrillService.class).score(pack, new SessionLog.Session(pack.id(), net.started(), net.events()),
                        DrillScoreCommand.answers(answers));
            }
            ScoreboardOutput.print(context, board);
        }
        return 0;
    }

    static Path temporaryWorkspace() throws LiaisonException {
        try {
            return Files.createTempDirectory("liaison-drill-");
        } catch (IOException e) {
            throw new LiaisonException("cannot create a temporary workspace: " + e.getMessage(), e);
        }
    }

    private static void awaitEnter() {
        try {
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            // standard input is gone: score what happened
        }
    }
}
