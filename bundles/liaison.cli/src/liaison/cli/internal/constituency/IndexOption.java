package liaison.cli.internal.constituency;

import java.nio.file.Path;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.constituency.ConstituencyService;
import picocli.CommandLine.Option;

/** {@code --index DIR}: the constituency index directory, by default {@code constituency} in the workspace. */
public class IndexOption {

    @Option(names = "--index", paramLabel = "DIR",
            description = "Index directory (default: the workspace's " + ConstituencyService.WORKSPACE_DIRECTORY + "/).")
    Path index;

    Path resolve(CliContext context) throws LiaisonException {
        return index != null ? index.toAbsolutePath().normalize()
                : context.workspace().resolve(ConstituencyService.WORKSPACE_DIRECTORY);
    }
}
