package liaison.cli.internal.directory;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import liaison.api.LiaisonException;
import liaison.api.model.CandidateFlag;
import liaison.cli.internal.CliContext;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.FieldOverride;
import liaison.directory.Origin;
import liaison.directory.TeamJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liaison directory show TEAM [--at INSTANT] [--json]}. */
@Command(name = "show", description = "Show a team: every field with the sources it came from, overrides and conflicts;"
        + " --at shows it as it was at an instant.")
public class ShowCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "TEAM", description = "Short name (case-insensitive) or id.")
    String team;

    @Option(names = "--at", paramLabel = "INSTANT", description = "As it was then: 2026-11-22T10:00:00Z, 2026-11-22T11:00+01:00, 2026-11-22 (start of day, UTC).")
    String at;

    public ShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        DirectoryService directory = Directory.service(context);
        DirectoryTeam t = at == null ? directory.team(team) : directory.teamAt(team, Directory.instant(at));
        if (context.json()) {
            context.emitJson(TeamJson.write(t));
        } else {
            print(context.out(), t);
        }
        return 0;
    }

    private static void print(PrintWriter out, DirectoryTeam d) {
        out.println(d.shortName() + "  (id " + d.id() + ", " + d.status().id() + ", revision " + d.revision() + " of "
                + d.changedAt() + ")");
        out.println("  sources: " + (d.sources().isEmpty() ? "none" : String.join(", ", d.sources())));
        for (DirectoryTeam.Value v : d.values()) {
            line(out, v);
        }
        for (FieldOverride o : d.overrides()) {
            out.println("  override " + o.field().cliName() + " = " + String.join(", ", o.values()) + " since " + o.since()
                    + (o.conflict() ? "\n    CONFLICT: " + o.conflictText() : ""));
        }
    }

    private static void line(PrintWriter out, DirectoryTeam.Value v) {
        List<String> from = new ArrayList<>();
        for (Origin o : v.origins()) {
            from.add(o.isOverride() ? "override" : o.source() + " " + o.importedAt().toString().substring(0, 10));
        }
        String flagText = v.flags().stream().filter(f -> f != CandidateFlag.OVERRIDDEN)
                .map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-')).reduce((a, b) -> a + ", " + b).map(s -> "  !" + s)
                .orElse("");
        out.printf("  %-22s %s%s  [%s]%s%n", v.field().id(), v.value().replace("\n", " / "),
                v.detail() == null ? "" : "  (" + v.detail() + ")", String.join("; ", from), flagText);
    }
}
