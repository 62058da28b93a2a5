package liaison.cli.internal.directory;

import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.directory.MatchCandidate;
import picocli.CommandLine.Command;

/** {@code liaison directory matches}: look-alike teams left unmerged. */
@Command(name = "matches", description = "Pairs of teams that may be one but were not merged automatically; decide with"
        + " 'merge' or 'keep-apart'.")
public class MatchesCommand implements Callable<Integer> {

    private final CliContext context;

    public MatchesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        for (MatchCandidate m : Directory.service(context).matches()) {
            if (context.json()) {
                context.emitJson(Directory.json(m));
            } else {
                context.out().printf("%5d %-28s ? %5d %-28s %s%n", m.teamId(), m.team(), m.otherId(), m.other(), m.reason());
            }
        }
        return 0;
    }
}
