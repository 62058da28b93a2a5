package liaison.cli.internal.directory;

import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code liaison directory search TEXT}. */
@Command(name = "search", description = "Find teams by name, handle, e-mail address or domain, or whose constituency covers an"
        + " IP address, prefix, AS number or domain.")
public class SearchCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "TEXT")
    String text;

    public SearchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        Directory.printTeams(context, Directory.service(context).search(text));
        return 0;
    }
}
