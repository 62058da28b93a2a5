package liaison.cli.internal.constituency;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.api.directory.TeamConstituencies;
import liaison.cli.internal.CliContext;
import liaison.constituency.ConstituencyService;
import liaison.constituency.Dataset;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadProgress;
import liaison.constituency.LoadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liaison constituency load [--index DIR] FILE…}: RPSL dumps and RIR statistics, plain or gzip, in one step. */
@Command(name = "load", description = {
        "Load RPSL dumps (ripe.db.inetnum.gz, .inet6num, .irt, .role, .organisation, .aut-num, or mixed) and RIR delegated",
        "statistics, plain or gzip. A file replaces the dataset of the same name; a bad file changes nothing." })
public class LoadCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    IndexOption index;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--lenient", description = "Accept attributes the RIPE templates do not know (other registries' dumps).")
    boolean lenient;

    @Option(names = "--directory", description = "Also load the teams' constituencies from the peer directory.")
    boolean directory;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to load.")
    List<Path> files = new ArrayList<>();

    public LoadCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        if (files.isEmpty() && !directory) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give FILE… or --directory");
        }
        ConstituencyService service = context.service(ConstituencyService.class);
        Path dir = index.resolve(context);
        // progress only for a person at a terminal: scripts and logs get the one-line result or reason
        LoadProgress progress = context.json() || System.console() == null ? LoadProgress.NONE : new Progress(context);
        List<LoadReport> reports = new ArrayList<>();
        if (!files.isEmpty()) {
            reports.add(service.load(dir, files, lenient ? LoadOptions.LENIENT : LoadOptions.STRICT, progress));
        }
        if (directory) {
            TeamConstituencies teams = service.directory().orElseThrow(() -> new LiaisonException(
                    "no peer directory is installed: nothing provides team constituencies"));
            reports.add(service.loadTeams(dir, teams, progress));
        }
        for (LoadReport r : reports) {
            if (context.json()) {
                var node = context.jsonMapper().createObjectNode();
                node.put("index", dir.toString());
                node.put("ranges", r.ranges());
                node.put("seconds", r.took().toMillis() / 1000.0);
                var loaded = node.putArray("loaded");
                r.loaded().forEach(d -> loaded.add(datasetJson(d)));
                var all = node.putArray("datasets");
                r.datasets().forEach(d -> all.add(datasetJson(d)));
                context.emitJson(node);
            } else {
                for (Dataset d : r.loaded()) {
                    context.out().printf("loaded %s: %d objects, %d ranges (%s, sources %s)%n", d.name(), d.objects(), d.ranges(),
                            d.kind(), String.join(", ", d.sources()));
                }
                context.out().printf("index %s: %d datasets, %d ranges; took %.1f s%n", dir, r.datasets().size(), r.ranges(),
                        r.took().toMillis() / 1000.0);
            }
        }
        return 0;
    }

    private com.fasterxml.jackson.databind.node.ObjectNode datasetJson(Dataset d) {
        var n = context.jsonMapper().createObjectNode();
        n.put("name", d.name());
        n.put("kind", d.kind());
        n.put("location", d.location());
        n.put("imported", d.imported().toString());
        n.put("objects", d.objects());
        n.put("ranges", d.ranges());
        var sources = n.putArray("sources");
        d.sources().forEach(sources::add);
        return n;
    }

    /** Progress on the terminal, one line rewritten in place. */
    private static final class Progress implements LoadProgress {
        private final CliContext context;

        Progress(CliContext context) {
            this.context = context;
        }

        @Override
        public void worked(String file, long done, long total) {
            if (total > 0) {
                context.err().printf("\r%s: %d%% (%d MB)   ", file, done * 100 / total, done >> 20);
            } else {
                context.err().printf("\r%s ...            ", file);
            }
            if ("index".equals(file) || done == total) {
                context.err().println();
            }
            context.err().flush();
        }
    }
}
