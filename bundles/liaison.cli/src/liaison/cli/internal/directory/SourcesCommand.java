package liaison.cli.internal.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.cli.internal.CliContext;
import liaison.directory.ConfiguredSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liaison directory sources list|add|remove|available}. */
@Command(name = "sources", description = "The sources 'directory sync' reads.",
        subcommands = { SourcesCommand.ListSources.class, SourcesCommand.Add.class, SourcesCommand.Remove.class,
                SourcesCommand.Available.class })
public class SourcesCommand implements Callable<Integer> {

    private final CliContext context;

    public SourcesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        return new ListSources(context).call();
    }

    /** {@code sources list}. */
    @Command(name = "list", description = "The configured sources with their last run.")
    public static class ListSources implements Callable<Integer> {
        private final CliContext context;

        public ListSources(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws LiaisonException {
            for (ConfiguredSource s : Directory.service(context).configuredSources()) {
                if (context.json()) {
                    var o = context.jsonMapper().createObjectNode();
                    o.put("id", s.id());
                    o.put("source", s.sourceId());
                    o.put("location", s.location());
                    o.put("key", s.key() != null);
                    o.put("last_run", s.lastRun() == null ? null : s.lastRun().toString());
                    o.put("last_result", s.lastResult());
                    context.emitJson(o);
                } else {
                    context.out().printf("%3d  %-12s %s%s%n      last run: %s%n", s.id(), s.sourceId(), s.location(),
                            s.key() != null ? "  (signed, key configured)" : "",
                            s.lastRun() == null ? "never" : s.lastRun() + ": " + s.lastResult());
                }
            }
            return 0;
        }
    }

    /** {@code sources add SOURCE LOCATION [--key PUBKEY]}. */
    @Command(name = "add", description = "Add a source to sync, e.g. 'sources add ti URL', 'sources add feed URL --key PUBKEY'.")
    public static class Add implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "SOURCE", description = "ti, first, ripe-irt, nrtm4, feed, securitytxt, csv, ...")
        String source;

        @Parameters(index = "1", paramLabel = "FILE|URL")
        String location;

        @Option(names = "--key", paramLabel = "PUBKEY", description = "The public key (PEM file, or PEM/base64 text) that signs the source.")
        String key;

        public Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws LiaisonException, IOException {
            String pem = null;
            if (key != null) {
                Path file = Path.of(key);
                pem = Files.isRegularFile(file) ? Files.readString(file) : key;
            }
            ConfiguredSource s = Directory.service(context).addSource(source, location, pem);
            if (context.json()) {
                var o = context.jsonMapper().createObjectNode();
                o.put("id", s.id());
                o.put("source", s.sourceId());
                o.put("location", s.location());
                context.emitJson(o);
            } else {
                context.out().println("source " + s.id() + ": " + s.sourceId() + " " + s.location() + " (synced by 'liaison directory sync')");
            }
            return 0;
        }
    }

    /** {@code sources remove ID}. */
    @Command(name = "remove", description = "Stop syncing a source.")
    public static class Remove implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ID")
        long id;

        public Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws LiaisonException {
            Directory.service(context).removeSource(id);
            return 0;
        }
    }

    /** {@code sources available}. */
    @Command(name = "available", description = "The installed directory sources.")
    public static class Available implements Callable<Integer> {
        private final CliContext context;

        public Available(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws LiaisonException {
            for (DirectorySource s : Directory.service(context).sources()) {
                context.out().printf("%-12s %s%n", s.id(), s.description());
            }
            return 0;
        }
    }
}
