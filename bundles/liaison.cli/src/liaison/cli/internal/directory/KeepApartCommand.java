package liaison.cli.internal.directory;

import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code liaison directory keep-apart TEAM OTHER}. */
@Command(name = "keep-apart", description = "Record that two look-alike teams are distinct; 'matches' no longer lists them.")
public class KeepApartCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "TEAM")
    String team;

    @Parameters(index = "1", paramLabel = "OTHER")
    String other;

    public KeepApartCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        Directory.service(context).keepApart(team, other);
        if (!context.json()) {
            context.out().println(team + " and " + other + " are kept apart");
        }
        return 0;
    }
}
