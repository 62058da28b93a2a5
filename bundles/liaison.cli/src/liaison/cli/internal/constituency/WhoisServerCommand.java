package liaison.cli.internal.constituency;

import java.time.Duration;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.constituency.ConstituencyIndex;
import liaison.constituency.ConstituencyService;
import liaison.whoisd.WhoisServerConfig;
import liaison.whoisd.WhoisServerService;
import liaison.whoisd.WhoisServerService.RunningServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code liaison whois-server --port N [--index DIR]}: serves the index to whois clients until stopped. */
@Command(name = "whois-server", description = {
        "Serve the constituency index over whois (RFC 3912) with the RIPE Database's query syntax, until stopped.",
        "Example: whois -h 127.0.0.1 -p 4343 -- '-c 192.0.2.1'" })
public class WhoisServerCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    IndexOption index;

    @Option(names = "--port", required = true, paramLabel = "N", description = "TCP port (43 needs privileges; 0 picks one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--max-connections", defaultValue = "64", description = "Simultaneous connections in all (default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--max-connections-per-client", defaultValue = "4",
            description = "Simultaneous connections from one address (default ${DEFAULT-VALUE}).")
    int perClient;

    @Option(names = "--queries-per-minute", defaultValue = "600", description = "Queries one address may send a minute (default ${DEFAULT-VALUE}).")
    int queriesPerMinute;

    @Option(names = "--idle-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "Seconds a connection may wait before sending its query (default ${DEFAULT-VALUE}).")
    int idleSeconds;

    public WhoisServerCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException, InterruptedException {
        ConstituencyIndex idx = context.service(ConstituencyService.class).open(index.resolve(context));
        WhoisServerConfig config = new WhoisServerConfig(bind, port, maxConnections, perClient, queriesPerMinute,
                Duration.ofSeconds(idleSeconds));
        try (RunningServer server = context.service(WhoisServerService.class).start(idx, config)) {
            context.out().printf("liaison whois server on %s port %d, index %s (%d datasets, %d ranges)%n", bind, server.port(),
                    idx.location(), idx.datasets().size(), idx.ranges());
            context.out().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.awaitClose();
        } finally {
            idx.close();
        }
        return 0;
    }
}
