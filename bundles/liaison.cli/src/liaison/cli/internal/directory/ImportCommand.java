package liaison.cli.internal.directory;

import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.directory.SyncResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liaison directory import ti|first|ripe-irt|securitytxt|csv FILE|URL}. */
@Command(name = "import", description = "Read teams from a source once and apply them in one transaction: ti (teams.json),"
        + " first (teams API), ripe-irt (RPSL irt objects), securitytxt, csv.")
public class ImportCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "ti, first, ripe-irt, securitytxt, csv (or another installed source).")
    String source;

    @Parameters(index = "1", paramLabel = "FILE|URL", description = "What to read.")
    String location;

    @Option(names = "--dry-run", description = "Show what would change; write nothing.")
    boolean dryRun;

    @Option(names = "--progress", description = "Report progress on stderr.")
    boolean progress;

    public ImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        SyncResult r = Directory.service(context).importFrom(source, location, dryRun, Directory.progress(context, progress));
        Directory.printResult(context, r);
        return 0;
    }
}
