package liaison.cli.internal.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.drill.DrillService;
import liaison.simnet.Endpoint;
import liaison.simnet.ScenarioPack;
import liaison.simnet.SimulatedInternet;

/** Where a scenario's session lives, and the speed at which its recipients answer in automatic runs. */
final class Sessions {

    private Sessions() {
    }

    /** {@code <data>/drill/<scenario>} unless a directory is given. */
    static Path directory(CliContext context, String scenario, Path given) {
        if (given != null) {
            return given.toAbsolutePath().normalize();
        }
        String name = Path.of(scenario).getFileName().toString().replaceFirst("\\.zip$", "");
        return context.dataDirectory().resolve("drill").resolve(name);
    }

    /** Opens the scenario: the pack is written into the session's {@code pack} directory. */
    static ScenarioPack open(CliContext context, String scenario, Path session) throws LiaisonException {
        DrillService drill = context.service(DrillService.class);
        ScenarioPack pack = drill.open(scenario, session.resolve("pack"));
        drill.truth(pack); // a broken ground truth is refused before a class starts, not at scoring time
        return pack;
    }

    /** A speed at which every recipient has answered within {@code budget} of real time. */
    static double fitting(ScenarioPack pack, Duration budget) {
        Duration longest = Duration.ZERO;
        for (var steps : pack.recipients().byAddress().values()) {
            for (var s : steps) {
                longest = s.after().compareTo(longest) > 0 ? s.after() : longest;
            }
        }
        for (var s : pack.recipients().unknown()) {
            longest = s.after().compareTo(longest) > 0 ? s.after() : longest;
        }
        return Math.max(1, (double) longest.toMillis() / budget.toMillis());
    }

    /** Prints the servers, one line each, then where everything is and how to use it. */
    static void announce(CliContext context, SimulatedInternet net, String scoreCommand) {
        ScenarioPack pack = net.pack();
        for (Endpoint e : net.endpoints()) {
            if (context.json()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("kind", e.kind());
                o.put("name", e.name());
                o.put("address", e.address());
                context.emitJson(o);
            } else {
                context.out().println(e.line());
            }
        }
        if (context.json()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("endpoints", net.endpointsFile().toString());
            o.put("bootstrap", net.bootstrapDirectory().toString());
            o.put("session", net.sessionLog().toString());
            o.put("imap", net.imapUrl());
            o.put("smtp", net.smtpUrl());
            context.emitJson(o);
        } else {
            var out = context.out();
            out.println();
            out.println("endpoints " + net.endpointsFile());
            out.println("bootstrap " + net.bootstrapDirectory());
            out.println("logs      " + pack.root().resolve("logs"));
            out.println("trainee   " + pack.trainee().email() + " (IMAP login " + pack.trainee().login() + ", password "
                    + pack.trainee().password() + ")");
            out.println();
            out.println("Look up:  liaison lookup --endpoints " + net.endpointsFile() + " --bootstrap " + net.bootstrapDirectory() + " ADDRESS");
            out.println("Send:     liaison report send --smtp '" + net.smtpUrl() + "'");
            out.println("Replies:  liaison report replies --imap '" + net.imapUrl() + "'");
            out.println("Score:    " + scoreCommand);
        }
        context.out().flush();
    }
}
