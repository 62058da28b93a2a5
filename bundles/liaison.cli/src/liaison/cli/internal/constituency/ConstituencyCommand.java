package liaison.cli.internal.constituency;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code liaison constituency}: the offline claims index (ripe-254 -c, abuse-c, team constituencies). */
@Command(name = "constituency", description = "Which team covers this? Load registry dumps and statistics, map addresses offline.",
        subcommands = { LoadCommand.class, MapCommand.class, ExplainCommand.class })
public class ConstituencyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: load, map or explain");
    }
}
