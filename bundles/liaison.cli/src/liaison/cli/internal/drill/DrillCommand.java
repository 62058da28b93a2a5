package liaison.cli.internal.drill;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code liaison drill}: exercises on a simulated Internet, and reachability drills of the directory. */
@Command(name = "drill", header = "Exercises on a simulated Internet and reachability drills of the directory's teams.",
        description = { "Exercise and drill mode: TRANSITS-style exercises on a simulated Internet (list, serve, run,",
        "score) and reachability drills of the directory's teams (reach)." },
        subcommands = { DrillListCommand.class, DrillServeCommand.class, DrillRunCommand.class, DrillScoreCommand.class,
                DrillReachCommand.class })
public class DrillCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: list, serve, run, score or reach");
    }
}
