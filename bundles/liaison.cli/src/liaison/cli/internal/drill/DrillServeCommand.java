package liaison.cli.internal.drill;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.simnet.ScenarioPack;
import liaison.simnet.SimEvent;
import liaison.simnet.SimnetOptions;
import liaison.simnet.SimulatedInternet;
import liaison.simnet.SimulatedInternetService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code liaison drill serve SCENARIO [--port-base N]}: the scenario's simulated Internet on 127.0.0.1
 * for trainees, until interrupted. One line per server, then where the endpoints and bootstrap files
 * are; then, as they happen, the reports arriving and the answers going out.
 */
@Command(name = "serve", header = "Serve a scenario's simulated Internet (whois, RDAP, SMTP, IMAP) on 127.0.0.1.",
        description = { "Serve a scenario's simulated Internet on 127.0.0.1 until interrupted: a whois server per",
        "registry, an RDAP server, bootstrap and endpoints files for 'liaison lookup --endpoints FILE --bootstrap DIR',",
        "and SMTP/IMAP with the simulated recipients. Trainees may use Liaison or any whois client",
        "(whois -h 127.0.0.1 -p PORT QUERY)." })
public class DrillServeCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final CliContext context;

    @Parameters(paramLabel = "SCENARIO", description = "An installed scenario's id, a pack directory or a pack .zip.")
    String scenario;

    @Option(names = "--port-base", paramLabel = "N", defaultValue = "" + SimnetOptions.DEFAULT_PORT_BASE,
            description = "First port of the servers: whois at N+1.., SMTP N+25, IMAP N+43, RDAP N+80 (default ${DEFAULT-VALUE}; 0: any free ports).")
    int portBase;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Recipients answer X times faster than the scenario says (default ${DEFAULT-VALUE}: real time).")
    double speed;

    @Option(names = "--session", paramLabel = "DIR", description = "Session directory (default: <data>/drill/<scenario>).")
    Path session;

    public DrillServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException, InterruptedException {
        Path dir = Sessions.directory(context, scenario, session);
        ScenarioPack pack = Sessions.open(context, scenario, dir);
        SimulatedInternet net = context.service(SimulatedInternetService.class).start(pack, new SimnetOptions(portBase, speed, dir));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            net.close();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Sessions.announce(context, net, "liaison drill score " + scenario + (session == null ? "" : " --session " + dir));
            if (!context.json()) {
                context.out().println("Serving until interrupted (Ctrl-C).");
                context.out().flush();
            }
            net.onEvent(e -> {
                if (!context.json()) {
                    context.out().println(line(e));
                    context.out().flush();
                }
            });
            stopped.await();
        } finally {
            net.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran
            }
        }
        return 0;
    }

    static String line(SimEvent e) {
        return TIME.format(e.at()) + "  " + switch (e.type()) {
            case REPORT -> "report  " + e.from() + " -> " + e.to() + (e.signed() ? " (signed)" : " (unsigned)") + ": " + e.subject();
            case REPLY -> e.action().id() + "  " + e.from() + " -> " + e.to() + ": " + e.subject();
        };
    }
}
