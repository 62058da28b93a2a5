package liaison.cli.internal.directory;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.directory.FeedPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liaison directory feed publish DIR}. */
@Command(name = "feed", description = "Peer exchange: publish the directory as a signed NRTMv4-style feed.",
        subcommands = { FeedCommand.Publish.class })
public class FeedCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "try 'liaison directory feed publish DIR'");
    }

    /** {@code feed publish DIR [--name NAME] [filters]}. */
    @Command(name = "publish", description = "Write a new version of the feed into DIR (notification file signed with the"
            + " workspace's key, snapshot, delta); serve DIR over HTTPS; peers add it with 'sources add feed URL --key PUBKEY'.")
    public static class Publish implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "DIR")
        Path directory;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = "LIAISON", description = "The feed's name peers see (default ${DEFAULT-VALUE}).")
        String name;

        @Mixin
        Directory.FilterOptions filter;

        public Publish(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws LiaisonException {
            Directory.service(context);
            FeedPublisher.Publication p = context.service(FeedPublisher.class).publish(directory, name, filter.filter());
            if (context.json()) {
                var o = context.jsonMapper().createObjectNode();
                o.put("session_id", p.sessionId());
                o.put("version", p.version());
                o.put("teams", p.teams());
                p.files().forEach(o.putArray("files")::add);
                o.put("public_key", p.publicKeyPem());
                context.emitJson(o);
            } else {
                context.out().println("published version " + p.version() + " of feed " + name + " (" + p.teams() + " teams, session "
                        + p.sessionId() + ") in " + directory.toAbsolutePath());
                p.files().forEach(f -> context.out().println("  " + f));
                context.out().println("peers subscribe with: liaison directory sources add feed URL/" + FeedPublisher.NOTIFICATION_FILE
                        + " --key " + FeedPublisher.PUBLIC_KEY_FILE);
            }
            return 0;
        }
    }
}
