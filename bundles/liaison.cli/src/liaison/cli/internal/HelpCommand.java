package liaison.cli.internal;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code liaison help [COMMAND [SUBCOMMAND…]]}: picocli's own help command stops at the first level. */
@Command(name = "help", helpCommand = true, description = "Show how to use liaison or one of its commands (help drill serve).")
public final class HelpCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command and its subcommands.")
    List<String> names = new ArrayList<>();

    @Override
    public void run() {
        CommandLine target = spec.parent().commandLine();
        List<String> path = new ArrayList<>();
        for (String name : names) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                String where = path.isEmpty() ? "" : " of '" + String.join(" ", path) + "'";
                throw new ParameterException(spec.commandLine(), "no command '" + name + "'" + where + "; commands: "
                        + String.join(", ", target.getSubcommands().keySet()));
            }
            path.add(name);
            target = sub;
        }
        target.usage(spec.commandLine().getOut());
    }
}
