package liaison.cli.internal.directory;

import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code liaison directory list [--json] [--country CC] [--classification ...]}. */
@Command(name = "list", description = "List the teams: id, name, country, classification, status, e-mail addresses (overrides applied), sources.")
public class ListCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    Directory.FilterOptions filter;

    public ListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        Directory.printTeams(context, Directory.service(context).list(filter.filter()));
        return 0;
    }
}
