package liaison.cli.internal.directory;

import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.directory.Revision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code liaison directory history TEAM [--json]}. */
@Command(name = "history", description = "Every revision of a team: when, what caused it, what changed.")
public class HistoryCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "TEAM", description = "Short name (case-insensitive) or id.")
    String team;

    public HistoryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        for (Revision r : Directory.service(context).history(team)) {
            if (context.json()) {
                var o = context.jsonMapper().createObjectNode();
                o.put("revision", r.number());
                o.put("at", r.at().toString());
                o.put("cause", r.cause());
                r.changes().forEach(o.putArray("changes")::add);
                context.emitJson(o);
            } else {
                context.out().println("r" + r.number() + "  " + r.at() + "  " + r.cause());
                r.changes().forEach(c -> context.out().println("      " + c));
            }
        }
        return 0;
    }
}
