package liaison.cli.internal.resolve;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.resolve.BootstrapStatus;
import liaison.resolve.Endpoints;
import liaison.resolve.LookupOptions;
import liaison.resolve.ResolvePreferences;
import liaison.resolve.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liaison bootstrap}: the IANA RDAP bootstrap files lookups use, and fetching current ones. */
@Command(name = "bootstrap", description = "The IANA RDAP bootstrap files that say which registry serves a resource.",
        subcommands = { BootstrapCommand.Update.class, BootstrapCommand.Show.class })
public class BootstrapCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a subcommand: update or show");
    }

    static void print(CliContext context, BootstrapStatus s) {
        if (context.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("origin", s.origin());
            m.put("publications", s.publications());
            m.put("fetched", s.fetched() == null ? null : s.fetched().toString());
            m.put("updated", s.updated());
            m.put("message", s.message());
            context.emitJson(m);
            return;
        }
        context.out().println(s.message());
        context.out().println("files from " + s.origin() + (s.fetched() == null ? "" : ", fetched " + s.fetched()) + ":");
        s.publications().forEach((f, p) -> context.out().printf("  %-17s published %s%n", f, p));
    }

    /** {@code liaison bootstrap update}. */
    @Command(name = "update", description = "Fetch the current files from IANA into the workspace (at most once a day).")
    public static class Update implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--endpoints", paramLabel = "FILE", description = "Map https://data.iana.org/rdap/ to another address.")
        Path endpoints;

        public Update(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws LiaisonException {
            Path workspace = context.workspace().root();
            Path file = endpoints != null ? endpoints : ResolvePreferences.endpointsFile(workspace).orElse(null);
            print(context, context.service(Resolver.class).updateBootstrap(file == null ? Endpoints.NONE : Endpoints.load(file)));
            return 0;
        }
    }

    /** {@code liaison bootstrap show}. */
    @Command(name = "show", description = "Show which bootstrap files lookups use and their publication dates.")
    public static class Show implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--bootstrap", paramLabel = "DIR", description = "Show the files of DIR instead.")
        Path bootstrap;

        public Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws LiaisonException {
            context.workspace();
            print(context, context.service(Resolver.class).bootstrap(new LookupOptions(null, false, null, bootstrap, null, null)));
            return 0;
        }
    }
}
