package liaison.cli.internal.plugins;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.plugins.PluginManager;
import liaison.plugins.PluginManager.InstalledFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code liaison plugins}: add, list and remove teams' own features through p2. */
@Command(name = "plugins", description = "Install, list and remove extension features (p2).",
        subcommands = { PluginsCommand.Install.class, PluginsCommand.ListFeatures.class, PluginsCommand.Remove.class })
public class PluginsCommand {

    static void print(CliContext context, List<InstalledFeature> features) {
        if (context.json()) {
            features.forEach(context::emitJson);
            return;
        }
        for (InstalledFeature f : features) {
            context.out().printf("%-48s %-28s %s%s%n", f.id(), f.version(), f.name(), f.builtIn() ? "" : "  (plugin)");
        }
    }

    /** A directory becomes a file: URI; anything with a scheme is taken as a URL. */
    static URI repository(String location) throws LiaisonException {
        if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !location.matches("^[a-zA-Z]:\\\\.*")) {
            return URI.create(location);
        }
        Path dir = Path.of(location).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new LiaisonException("no p2 repository directory at " + dir);
        }
        return dir.toUri();
    }

    @Command(name = "install", description = "Install features from a p2 repository (directory or URL); effective at the next start.")
    public static class Install implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "P2_URL_OR_DIR")
        String location;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FEATURE")
        List<String> features;

        public Install(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws LiaisonException {
            List<InstalledFeature> after = context.service(PluginManager.class).install(repository(location), features,
                    step -> context.err().println("plugins: " + step));
            print(context, after.stream().filter(f -> features.stream().anyMatch(w -> w.startsWith(f.id()))).toList());
            return 0;
        }
    }

    @Command(name = "list", description = "List the installed features, Liaison's own first.")
    public static class ListFeatures implements Callable<Integer> {
        private final CliContext context;

        public ListFeatures(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws LiaisonException {
            print(context, context.service(PluginManager.class).list());
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove features installed with 'plugins install'; effective at the next start.")
    public static class Remove implements Callable<Integer> {
        private final CliContext context;

        @Parameters(arity = "1..*", paramLabel = "FEATURE")
        List<String> features;

        public Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws LiaisonException {
            context.service(PluginManager.class).remove(features, step -> context.err().println("plugins: " + step));
            return 0;
        }
    }
}
