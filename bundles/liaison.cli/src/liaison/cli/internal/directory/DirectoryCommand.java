package liaison.cli.internal.directory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code liaison directory ...}: the peer-team directory. */
@Command(name = "directory", description = "The peer-team directory: Trusted Introducer, FIRST, RIPE irt objects, NRTMv4,"
        + " security.txt, CSV and peer feeds, with provenance, history and overrides.",
        subcommands = { ImportCommand.class, SyncCommand.class, ListCommand.class, ShowCommand.class, SearchCommand.class,
                HistoryCommand.class, OverrideCommand.class, ExportCommand.class, MatchesCommand.class, MergeCommand.class,
                KeepApartCommand.class, SourcesCommand.class, FeedCommand.class })
public class DirectoryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a directory command is required; try 'liaison help directory'");
    }
}
