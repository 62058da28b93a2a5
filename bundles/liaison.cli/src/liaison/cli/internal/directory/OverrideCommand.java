package liaison.cli.internal.directory;

import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.Field;
import liaison.directory.TeamJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code liaison directory override TEAM FIELD VALUE [--remove]}. */
@Command(name = "override", description = "Set a coordinator's value that wins over every source until removed: FIELD such as"
        + " email, phone, emergency-phone, pgp-fingerprint, irt (list fields take comma-separated values).")
public class OverrideCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Short name (case-insensitive) or id.")
    String team;

    @Parameters(index = "1", paramLabel = "FIELD")
    String field;

    @Parameters(index = "2", paramLabel = "VALUE", arity = "0..1")
    String value;

    @Option(names = "--remove", description = "Drop the override: the sources' value applies again.")
    boolean remove;

    public OverrideCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        Field f = Field.fromName(field);
        if (remove == (value != null)) {
            throw new ParameterException(spec.commandLine(), remove ? "--remove takes no VALUE" : "give a VALUE, or --remove");
        }
        DirectoryService directory = Directory.service(context);
        DirectoryTeam t = remove ? directory.removeOverride(team, f) : directory.override(team, f, value);
        if (context.json()) {
            context.emitJson(TeamJson.write(t));
        } else {
            context.out().println(t.shortName() + " (" + t.id() + ") " + f.cliName() + ": " + f.text(t.team())
                    + (remove ? "  (from the sources again)" : "  (override)"));
        }
        return 0;
    }
}
