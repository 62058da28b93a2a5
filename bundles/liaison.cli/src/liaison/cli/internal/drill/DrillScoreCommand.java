package liaison.cli.internal.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.drill.DrillService;
import liaison.simnet.ScenarioPack;
import liaison.simnet.SessionLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code liaison drill score SCENARIO [--session DIR] [--answers FILE]}: the scoreboard of a session
 * served by {@code drill serve}, from its session log — while it runs or after it stopped.
 */
@Command(name = "score", header = "Score a served session against the scenario's ground truth, with the debrief.",
        description = { "Score a served session against the scenario's ground truth: the contacts the trainee",
        "identified (--answers, else where their reports went), the reports (right team, channel, signed, linter",
        "clean, time taken) and the debrief (e-mails sent, replies and their kinds, time to reply, resolved)." })
public class DrillScoreCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "SCENARIO", description = "The scenario served: id, pack directory or .zip.")
    String scenario;

    @Option(names = "--session", paramLabel = "DIR", description = "Session directory (default: <data>/drill/<scenario>).")
    Path session;

    @Option(names = "--answers", paramLabel = "FILE", description = "The trainee's contacts, one 'SOURCE CONTACT' (or SOURCE,CONTACT) per line.")
    Path answers;

    public DrillScoreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws LiaisonException {
        Path dir = Sessions.directory(context, scenario, session);
        Path log = dir.resolve("session.jsonl");
        if (!Files.isRegularFile(log)) {
            throw new LiaisonException("no session log " + log + ": serve the scenario first ('liaison drill serve " + scenario + "')");
        }
        DrillService drill = context.service(DrillService.class);
        Path served = dir.resolve("pack");
        ScenarioPack pack = Files.isRegularFile(served.resolve(ScenarioPack.MANIFEST)) ? ScenarioPack.read(served)
                : drill.open(scenario, dir.resolve("pack"));
        ScoreboardOutput.print(context, drill.score(pack, SessionLog.read(log), answers(answers)));
        return 0;
    }

    /** Reads an answers file: {@code SOURCE CONTACT} or {@code SOURCE,CONTACT} per line, {@code #} comments. */
    static Map<String, String> answers(Path file) throws LiaisonException {
        Map<String, String> out = new LinkedHashMap<>();
        if (file == null) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[,;\\s]+", 2);
            if (parts.length < 2 || parts[1].isBlank()) {
                throw new InputException(file.toString(), i + 1, 1, "expected 'SOURCE CONTACT', found '" + line + "'");
            }
            try {
                liaison.api.model.Resource.parse(parts[0]);
            } catch (IllegalArgumentException e) {
                throw new InputException(file.toString(), i + 1, 1, e.getMessage());
            }
            out.put(parts[0], parts[1].strip());
        }
        return out;
    }
}
