package liaison.cli.internal.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.cli.internal.Cli;

/** The drill mode end to end through the command line: real servers on loopback, GreenMail, the real resolver. */
class DrillCliTest {

    static final String SCENARIO = "establishing-external-contact";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(FrameworkUtil.getBundle(DrillCliTest.class).getBundleContext(), new PrintWriter(out, true),
                new PrintWriter(err, true)).run(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void autoPlaysTheBuiltInScenarioAndScoresEveryTaskCorrect() throws Exception {
        Result r = run("--data", dir.resolve("ws").toString(), "--json", "drill", "run", SCENARIO, "--auto");
        System.out.println(r.out());
        System.out.println(r.err());
        assertEquals(0, r.code(), r.err());
        JsonNode board = new ObjectMapper().readTree(r.out());
        assertEquals(SCENARIO, board.get("scenario").asText());
        List<String> wrong = new ArrayList<>();
        for (JsonNode t : board.get("tasks")) {
            if (!t.get("correct").asBoolean()) {
                wrong.add(t.get("resource").asText() + ": expected " + t.get("expected").asText() + ", answered " + t.get("answer").asText());
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(board.get("tasks").size() >= 12, board.toString());
    }
}
