package liaison.cli.internal.drill;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.cli.internal.report.WorkspaceServices;
import liaison.drill.AutoTrainee;
import liaison.drill.Scoreboard;
import liaison.simnet.ScenarioPack;
import liaison.simnet.SimEvent;
import liaison.simnet.SimnetOptions;
import liaison.simnet.SimulatedInternet;
import liaison.simnet.SimulatedInternetService;
import picocli.CommandLine.Command;

/**
 * {@code liaison demo}: the built-in exercise played by Liaison itself on a simulated Internet, told
 * step by step — offline, in a throw-away workspace, in seconds.
 */
@Command(name = "demo", header = "The built-in exercise end to end, offline: triage, contacts, signed reports, answers.",
        description = { "Show what Liaison does, offline, in seconds: start the built-in exercise's simulated Internet,",
        "triage its attack logs, find and explain each source's contact, send signed reports to the simulated",
        "recipients, read their answers and print the scoreboard. Uses a fresh workspace unless --data is given." })
public class DemoCommand implements Callable<Integer> {

    static final String SCENARIO = "establishing-external-contact";

    private final CliContext context;

    public DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException, InterruptedException {
        boolean fresh = context.useDataUnlessGiven(DrillRunCommand.temporaryWorkspace());
        PrintWriter out = context.out();
        Path dir = Sessions.directory(context, SCENARIO, null);
        ScenarioPack pack = Sessions.open(context, SCENARIO, dir);
        if (!context.json()) {
            out.println("Liaison demo: ENISA's \"" + pack.title() + "\" exercise, played by Liaison on a simulated Internet.");
            out.println("Every registry, mail server and recipient below runs inside this process on 127.0.0.1; nothing leaves the machine.");
            out.println("Workspace: " + context.dataDirectory() + (fresh ? " (fresh, kept for a look: liaison --data "
                    + context.dataDirectory() + " report status)" : ""));
            out.println();
        }
        SimnetOptions options = new SimnetOptions(0, Sessions.fitting(pack, Duration.ofSeconds(3)), dir);
        try (SimulatedInternet net = context.service(SimulatedInternetService.class).start(pack, options)) {
            if (!context.json()) {
                out.printf("== the simulated Internet: %d servers (whois of %d registries, RDAP, SMTP, IMAP)%n", net.endpoints().size(),
                        net.endpoints().stream().filter(e -> e.kind().equals("whois")).count());
            }
            context.workspace();
            AutoTrainee trainee = WorkspaceServices.get(context, AutoTrainee.class);
            Scoreboard board = trainee.play(net, Duration.ofSeconds(30), context.json() ? new AutoTrainee.Listener() {
            } : new Narration(out, true));
            if (!context.json()) {
                out.println("== the recipients' answers (dated in scenario time)");
                for (SimEvent e : net.events()) {
                    if (e.type() == SimEvent.Type.REPLY) {
                        out.printf("   %-10s %-8s %-32s %s%n", ScoreboardOutput.duration(e.delay()), e.action().id(), e.from(), e.subject());
                    }
                }
                out.println();
            }
            ScoreboardOutput.print(context, board);
            if (!context.json()) {
                out.println();
                out.println("Try it yourself: liaison drill serve " + SCENARIO + "   (then any whois client, 'liaison lookup', your mail client)");
            }
        }
        return 0;
    }
}
