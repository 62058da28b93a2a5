package liaison.cli.internal;

import java.nio.file.Path;

import liaison.cli.internal.config.ConfigCommand;
import liaison.cli.internal.constituency.ConstituencyCommand;
import liaison.cli.internal.constituency.WhoisServerCommand;
import liaison.cli.internal.directory.DirectoryCommand;
import liaison.cli.internal.drill.DemoCommand;
import liaison.cli.internal.drill.DrillCommand;
import liaison.cli.internal.plugins.PluginsCommand;
import liaison.cli.internal.resolve.BootstrapCommand;
import liaison.cli.internal.resolve.LookupCommand;
import liaison.cli.internal.pgp.PgpCommand;
import liaison.cli.internal.report.ReportCommand;
import liaison.cli.internal.triage.TriageCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code liaison} command; holds the global options every subcommand inherits. */
// scope INHERIT gives every subcommand --help (and --version), so a usage question never meets a missing parameter.
@Command(name = "liaison", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = "Find who to tell about an incident, and tell them well.",
        subcommands = { HelpCommand.class, DoctorCommand.class, PluginsCommand.class, TriageCommand.class, LookupCommand.class,
                BootstrapCommand.class, ConstituencyCommand.class, WhoisServerCommand.class, DirectoryCommand.class,
                PgpCommand.class, ReportCommand.class, ConfigCommand.class, DemoCommand.class, DrillCommand.class },
        footer = { "", "Exit status: 0 ok, 1 failure (reason on stderr), 2 usage error." })
public class LiaisonCommand implements Runnable {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    public LiaisonCommand(CliContext context) {
        this.context = context;
    }

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Workspace directory (default: $LIAISON_DATA, else ~/.liaison).")
    void data(Path dir) {
        context.setData(dir);
    }

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print JSON: one object per line for lists, one object otherwise.")
    void json(boolean json) {
        context.setJson(json);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required; try 'liaison help'");
    }
}
