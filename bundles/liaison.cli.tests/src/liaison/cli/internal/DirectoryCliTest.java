package liaison.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The acceptance run through {@code liaison directory ...}, in-process with every core bundle. */
class DirectoryCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = tmp.resolve("ws").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = new Cli(FrameworkUtil.getBundle(DirectoryCliTest.class).getBundleContext(), new PrintWriter(out, true),
                new PrintWriter(err, true)).run(all);
        return new Result(code, out.toString(), err.toString());
    }

    private Result ok(String... args) {
        Result r = run(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
        return r;
    }

    private static Path corpus(String relative) {
        Path p = Path.of(System.getProperty("liaison.corpus", "missing-liaison.corpus"), relative);
        assertTrue(Files.isRegularFile(p), "corpus file " + p + " (build with -Dliaison.shared=DIR)");
        return p;
    }

    private Map<String, JsonNode> listJson(String... extra) throws Exception {
        String[] args = new String[extra.length + 3];
        args[0] = "directory";
        args[1] = "list";
        args[2] = "--json";
        System.arraycopy(extra, 0, args, 3, extra.length);
        Result r = ok(args);
        return r.out().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON Lines: " + l, e);
            }
        }).collect(Collectors.toMap(n -> n.get("short_name").asText(), Function.identity()));
    }

    /** The sample with ACN IBE CSIRT gone, CERT.at at a new address and NEW-CERT joined. */
    private Path newerTiFile() throws Exception {
        ArrayNode teams = (ArrayNode) JSON.readTree(corpus("intelmq/trusted_introducer_lookup/test_data/teams.json").toFile());
        ArrayNode newer = JSON.createArrayNode();
        for (JsonNode t : teams) {
            switch (t.get("short_name").asText()) {
                case "ACN IBE CSIRT" -> { }
                case "CERT.at" -> newer.add(((ObjectNode) t.deepCopy()).set("emails",
                        JSON.createArrayNode().add(JSON.createObjectNode().put("address", "incidents@cert.at"))));
                default -> newer.add(t);
            }
        }
        newer.addObject().put("short_name", "NEW-CERT").put("official_name", "New CERT").putObject("country").put("code", "AT");
        return Files.writeString(tmp.resolve("teams-newer.json"), newer.toString());
    }

    @Test
    void acceptance() throws Exception {
        Result first = ok("directory", "import", "ti", corpus("intelmq/trusted_introducer_lookup/test_data/teams.json").toString());
        assertTrue(first.out().startsWith("ti: 4 added, 0 changed, 0 removed"), first.out());
        ok("directory", "override", "aec", "email", "ops@energy-cert.example");
        Instant between = Instant.now();

        Result second = ok("directory", "import", "ti", newerTiFile().toString());
        assertTrue(second.out().startsWith("ti: 1 added, 1 changed, 1 removed, 2 unchanged"), second.out());

        Map<String, JsonNode> teams = listJson("--all");
        JsonNode aec = teams.get("AEC");
        for (String field : List.of("short_name", "official_name", "country", "status", "emails", "sources")) {
            assertTrue(aec.has(field), "list --json has " + field + ": " + aec);
        }
        assertEquals("[\"ops@energy-cert.example\"]", aec.get("emails").toString(), "the override is still in effect");
        assertEquals("[\"incidents@cert.at\"]", teams.get("CERT.at").get("emails").toString(), "the changed address is applied");
        assertEquals("removed", teams.get("ACN IBE CSIRT").get("status").asText());
        assertEquals("active", teams.get("NEW-CERT").get("status").asText());
        assertEquals("[\"ti\"]", teams.get("NEW-CERT").get("sources").toString());
        assertEquals(4, listJson().size(), "without --all only active teams");

        JsonNode before = JSON.readTree(ok("directory", "show", "CERT.at", "--at", between.toString(), "--json").out());
        assertEquals("[\"team@cert.at\"]", before.get("emails").toString(), "show --at before the second import");
        JsonNode now = JSON.readTree(ok("directory", "show", "cert.at", "--json").out());
        assertEquals("incidents@cert.at", now.get("channels").get(0).get("value").asText());
        assertEquals("ti", now.get("provenance").get("email:incidents@cert.at").get(0).get("source").asText());

        Result history = ok("directory", "history", "CERT.at", "--json");
        List<JsonNode> revisions = history.out().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertEquals(2, revisions.size());
        assertTrue(revisions.get(1).get("changes").toString().contains("email: team@cert.at \u2192 incidents@cert.at"));

        Result firstApi = ok("directory", "import", "first", corpus("first-teams-api/first_teams_ey.json").toString());
        assertTrue(firstApi.out().startsWith("first: 15 added"), firstApi.out());
        assertTrue(firstApi.out().contains("? EY CSIRT"), "the EY pair is listed for the coordinator: " + firstApi.out());
        teams = listJson();
        assertEquals(19, teams.size());
        assertEquals("[\"first-team@ey.com\"]", teams.get("EY").get("emails").toString());
        assertEquals("[\"csirt@fr.ey.com\"]", teams.get("EY CSIRT").get("emails").toString());
        assertTrue(ok("directory", "matches").out().contains("EY CSIRT"));
        assertEquals(7, listJson("--country", "TR", "--source", "first").size());
        assertEquals(0, listJson("--country", "TR", "--source", "ti").size());
    }

    @Test
    void badInputFailsWithOneLineNamingThePosition() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.json"), "[\n {\"short_name\": \"A\",\n");
        Result r = run("directory", "import", "ti", broken.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("liaison: " + broken + ":3:"), r.err());
        assertEquals(0, listJson("--all").size(), "nothing written");

        assertEquals(2, run("directory", "override", "X", "email").code(), "VALUE or --remove is required");
        assertEquals(2, run("directory", "import", "ti").code());
        Result unknownField = run("directory", "override", "X", "favourite-colour", "blue");
        assertEquals(1, unknownField.code());
        assertTrue(unknownField.err().contains("no field 'favourite-colour'"), unknownField.err());
        Result unknownSource = run("directory", "import", "nosuch", broken.toString());
        assertTrue(unknownSource.err().contains("no directory source 'nosuch'; installed: "), unknownSource.err());
    }

    @Test
    void exportCsvAndRpsl() throws Exception {
        ok("directory", "import", "ti", corpus("intelmq/trusted_introducer_lookup/test_data/teams.json").toString());
        Path csv = tmp.resolve("out.csv");
        ok("directory", "export", "--format", "csv", "-o", csv.toString(), "--classification", "certified");
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("id,status,sources,short_name,"), lines.get(0));
        assertEquals(2, lines.stream().filter(l -> l.matches("\\d+,active,ti,.*")).count(), "two certified teams: " + lines);
        String rpsl = ok("directory", "export", "--format", "rpsl").out();
        assertEquals(4, rpsl.lines().filter(l -> l.startsWith("irt:")).count(), rpsl);
        JsonNode json = JSON.readTree(ok("directory", "export", "--format", "json").out());
        assertEquals(4, json.size());
        assertEquals(1, run("directory", "export", "--format", "xml").code());
    }
}
