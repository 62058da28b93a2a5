package liaison.cli.internal.drill;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.api.drill.ScenarioDescriptor;
import liaison.cli.internal.CliContext;
import liaison.drill.DrillService;
import picocli.CommandLine.Command;

/** {@code liaison drill list}: the installed scenarios. */
@Command(name = "list", description = "List the installed scenarios (built in, and from installed scenario bundles).")
public class DrillListCommand implements Callable<Integer> {

    private final CliContext context;

    public DrillListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        // A broken scenario bundle is named on stderr; the others are still listed.
        for (ScenarioDescriptor s : context.service(DrillService.class).scenarios(p -> context.err().println("liaison: " + p))) {
            if (context.json()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("id", s.id());
                o.put("title", s.title());
                o.put("summary", s.summary());
                context.emitJson(o);
            } else {
                context.out().printf("%-32s %s%n", s.id(), s.title());
                if (!s.summary().isBlank()) {
                    context.out().printf("%-32s %s%n", "", s.summary());
                }
            }
        }
        return 0;
    }
}
