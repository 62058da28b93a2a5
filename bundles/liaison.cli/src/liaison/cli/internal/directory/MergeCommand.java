package liaison.cli.internal.directory;

import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.directory.DirectoryTeam;
import liaison.directory.TeamJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code liaison directory merge TEAM INTO}. */
@Command(name = "merge", description = "Merge a team into another: its sources, overrides and future imports go to the other team;"
        + " its history stays.")
public class MergeCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "TEAM")
    String team;

    @Parameters(index = "1", paramLabel = "INTO")
    String into;

    public MergeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        DirectoryTeam t = Directory.service(context).merge(team, into);
        if (context.json()) {
            context.emitJson(TeamJson.write(t));
        } else {
            context.out().println("merged into " + t.shortName() + " (" + t.id() + "); sources: " + String.join(", ", t.sources()));
        }
        return 0;
    }
}
