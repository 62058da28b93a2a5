package liaison.cli.internal.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.api.drill.ScenarioDescriptor;
import liaison.api.drill.ScenarioProvider;
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

    /** Where each registry of the pack answers whois on the Internet. */
    static final Map<String, String> HOSTS = Map.of("ripe", "whois.ripe.net", "arin", "whois.arin.net", "apnic", "whois.apnic.net",
            "lacnic", "whois.lacnic.net", "afrinic", "whois.afrinic.net", "jpnic", "whois.nic.ad.jp", "nic.example", "whois.nic.example");

    /** {@code liaison drill serve} running in a thread of this test, with the servers it announced. */
    final class Served implements AutoCloseable {
        final Thread thread;
        final List<String> lines = new ArrayList<>();
        final Map<String, String> whois = new LinkedHashMap<>();
        final Path session = dir.resolve("session");

        Served() throws InterruptedException {
            Lines out = new Lines();
            thread = Thread.ofPlatform().start(() -> new Cli(FrameworkUtil.getBundle(DrillCliTest.class).getBundleContext(),
                    new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)).run("--data", dir.resolve("ws").toString(),
                            "drill", "serve", SCENARIO, "--port-base", "0", "--session", session.toString()));
            for (String line; !(line = out.next()).isEmpty();) {
                lines.add(line);
                String[] f = line.split(" ");
                if (f[0].equals("whois")) {
                    whois.put(f[1], f[2].substring(f[2].indexOf(':') + 1));
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(30_000);
            assertFalse(thread.isAlive(), "serve stops when interrupted");
        }
    }

    @Test
    void debianWhoisGetsEveryTasksNetworkFromTheServedInternet() throws Exception {
        try (Served served = new Served()) {
            List<String> lines = served.lines;
            Map<String, String> whois = served.whois;
            Path session = served.session;
            assertTrue(lines.get(0).matches("whois whois\\.ripe\\.net 127\\.0\\.0\\.1:\\d+"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.matches("rdap https://rdap\\.db\\.ripe\\.net/ http://127\\.0\\.0\\.1:\\d+/ripe/")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.matches("smtp 127\\.0\\.0\\.1:\\d+")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.matches("imap 127\\.0\\.0\\.1:\\d+")), lines.toString());

            // Every task's network, from the registry that holds it, through the plain Debian client.
            JsonNode truth = new ObjectMapper().readTree(session.resolve("pack/truth.json").toFile());
            for (JsonNode task : truth.get("tasks")) {
                String host = HOSTS.get(task.get("registry").asText());
                String answer = debianWhois(whois.get(host), task.get("resource").asText());
                assertTrue(answer.contains(task.get("network").asText()), host + " for " + task.get("resource").asText() + ":\n" + answer);
            }
            // How a trainee gets there: IANA refers, APNIC's stub says where the block went, RIPE disowns ARIN's space.
            String iana = debianWhois(whois.get("whois.iana.org"), "192.0.2.170");
            assertTrue(iana.contains("refer:") && iana.contains("whois.apnic.net"), iana);
            assertTrue(debianWhois(whois.get("whois.iana.org"), "bank-verify.example").contains("whois.nic.example"), "IANA refers by TLD");
            assertTrue(debianWhois(whois.get("whois.apnic.net"), "198.51.100.150").contains("Transferred to the RIPE region"));
            assertTrue(debianWhois(whois.get("whois.ripe.net"), "192.0.2.70").contains("NON-RIPE-NCC-MANAGED-ADDRESS-BLOCK"));
            assertTrue(debianWhois(whois.get("whois.ripe.net"), "-c 203.0.113.210").contains("203.0.113.200 - 203.0.113.223"),
                    "-c without any irt answers like a plain query");

            // The endpoints file alone is enough for Liaison: the shipped bootstrap sends 198.51.100.150 to ARIN, which refers on.
            Result lookup = run("--data", dir.resolve("ws").toString(), "--json", "lookup", "--endpoints", session.resolve("endpoints").toString(),
                    "198.51.100.150");
            assertEquals(0, lookup.code(), lookup.err());
            JsonNode found = new ObjectMapper().readTree(lookup.out());
            assertEquals("abuse@baltic-sim.example", found.get("contacts").get(0).get("email").asText(), lookup.out());
        }
    }

    @Test
    void triageRoutesEverySourceAndDraftsOneReportPerContactAndType() throws Exception {
        String ws = dir.resolve("ws").toString();
        try (Served served = new Served()) {
            Path pack = served.session.resolve("pack");
            assertEquals(0, run("--data", ws, "directory", "import", "ti", pack.resolve("directory/teams.json").toString()).code());
            List<String> args = new ArrayList<>(List.of("--data", ws, "--json", "triage", "--timezone", "Europe/Brussels", "--endpoints",
                    served.session.resolve("endpoints").toString(), "--bootstrap", served.session.resolve("bootstrap").toString()));
            try (var logs = Files.list(pack.resolve("logs"))) {
                logs.sorted().forEach(l -> args.add(l.toString()));
            }
            Result noKey = run(args.toArray(String[]::new));
            assertEquals(0, noKey.code(), noKey.err());
            assertTrue(noKey.err().contains("no report drafts"), noKey.err());

            assertEquals(0, run("--data", ws, "pgp", "generate", "--name", "CERT-Trainee", "--email", "handler@cert-trainee.example",
                    "--no-passphrase").code());
            args.add(4, "--sign");
            args.add(4, dir.resolve("drafts").toString());
            args.add(4, "--drafts");
            Result r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            Map<String, String> contacts = new LinkedHashMap<>();
            List<JsonNode> drafts = new ArrayList<>();
            for (String line : r.out().split("\n")) {
                JsonNode n = new ObjectMapper().readTree(line);
                if (n.has("indicator") && n.get("role").asText().equals("source") && n.hasNonNull("contact")) {
                    contacts.put(n.get("contact").get("resource").asText(), n.get("contact").get("email").asText());
                } else if (n.has("draft")) {
                    drafts.add(n);
                }
            }
            JsonNode truth = new ObjectMapper().readTree(pack.resolve("truth.json").toFile());
            for (JsonNode task : truth.get("tasks")) {
                assertEquals(task.get("expected").get("emails").get(0).asText(), contacts.get(task.get("resource").asText()),
                        task.get("id").asText() + " " + task.get("resource").asText());
            }
            assertEquals(truth.get("tasks").size(), drafts.size(), "one draft per contact and incident type: " + drafts);
            JsonNode nordnet = drafts.stream().filter(d -> d.get("recipients").get(0).asText().equals("irt@nordnet-cert.example"))
                    .findFirst().orElseThrow();
            assertEquals("brute-force", nordnet.get("type").asText());
            assertEquals(4, nordnet.get("events").asInt(), "the four auth.log lines naming 192.0.2.10");
            assertEquals(0, nordnet.get("lint").size(), nordnet.toString());
            try (var files = Files.list(dir.resolve("drafts"))) {
                assertEquals(drafts.size(), files.filter(f -> f.toString().endsWith(".eml")).count());
            }
            String eml = Files.readString(dir.resolve("drafts").resolve(nordnet.get("draft").asText() + ".eml"), StandardCharsets.ISO_8859_1);
            assertTrue(eml.contains("multipart/signed") && eml.contains("application/pgp-signature"), "signed drafts");
            assertTrue(eml.replace("=\r\n", "").contains("Failed password for root from 192.0.2.10"), "the log lines are the evidence");
            assertTrue(r.err().contains("13 sources routed to 13 contacts, 0 without one; 13 report draft(s)"), r.err());
        }
    }

    @Test
    void scoringCountsAWrongAnswerAsWrongAndNamesTheTrap() throws Exception {
        Path ws = dir.resolve("ws");
        Result auto = run("--data", ws.toString(), "drill", "run", SCENARIO, "--auto");
        assertEquals(0, auto.code(), auto.err());
        Path answers = Files.writeString(dir.resolve("answers.txt"), """
                # the trainee wrote to the abuse-c instead of the irt, and to the phisher instead of the registrar
                192.0.2.10  abuse@nordnet.example
                bank-verify.example, owner@bank-verify.example
                192.0.2.140 irt@koalanet-cert.example
                """, StandardCharsets.UTF_8);
        Result scored = run("--data", ws.toString(), "--json", "drill", "score", SCENARIO, "--answers", answers.toString());
        assertEquals(0, scored.code(), scored.err());
        Map<String, JsonNode> tasks = new LinkedHashMap<>();
        new ObjectMapper().readTree(scored.out()).get("tasks").forEach(t -> tasks.put(t.get("resource").asText(), t));
        assertFalse(tasks.get("192.0.2.10").get("correct").asBoolean());
        assertEquals("abuse@nordnet.example", tasks.get("192.0.2.10").get("answer").asText());
        assertTrue(tasks.get("192.0.2.10").get("trap").asText().contains("irt"), tasks.get("192.0.2.10").toString());
        assertFalse(tasks.get("bank-verify.example").get("correct").asBoolean());
        assertTrue(tasks.get("bank-verify.example").get("trap").asText().contains("registrant"));
        assertTrue(tasks.get("192.0.2.140").get("correct").asBoolean());
        assertTrue(tasks.get("192.0.2.200").get("correct").asBoolean(), "tasks without an answer are scored by where the report went");

        Path broken = Files.writeString(dir.resolve("broken.txt"), "192.0.2.10 irt@nordnet-cert.example\nnot-an-address\n");
        Result bad = run("--data", ws.toString(), "drill", "score", SCENARIO, "--answers", broken.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("liaison: " + broken + ":2:"), bad.err());
    }

    @Test
    void aBrokenPackIsRefusedNamingFileAndLine() throws Exception {
        Path pack = Files.createDirectories(dir.resolve("pack"));
        Files.createDirectories(pack.resolve("registries"));
        Files.writeString(pack.resolve("registries/ripe.db"), "inetnum: 192.0.2.0 - 192.0.2.255\nnetname: X\nthis line is no attribute\n");
        Files.writeString(pack.resolve("truth.json"), "{\"tasks\": [{\"id\": \"T1\", \"resource\": \"192.0.2.1\", \"expected\": {\"emails\": [\"a@x.example\"]}}]}");
        Files.writeString(pack.resolve("recipients.json"), """
                {
                  "recipients": {
                    "a@x.example": [{"action": "reply", "after": "PT1M"}],
                    "b@x.example": [{"action": "shrug", "after": "PT1M"}]
                  }
                }
                """);
        Files.writeString(pack.resolve("scenario.json"), """
                {"id": "broken", "title": "Broken", "trainee": {"team": "T", "name": "N", "email": "t@x.example", "password": "p"},
                 "registries": {"ripe": "registries/ripe.db"}, "iana": {"ipv4": {"192.0.2.0/24": "ripe"}},
                 "truth": "truth.json", "recipients": "recipients.json"}
                """);
        // A pack that is wrongly accepted would serve until interrupted: the bound turns that into a failure.
        Result unknownAction = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run("--data", dir.resolve("ws").toString(), "drill", "serve", pack.toString(), "--port-base", "0"));
        assertEquals(1, unknownAction.code());
        assertTrue(unknownAction.err().startsWith("liaison: " + pack.resolve("recipients.json") + ":4:"), unknownAction.err());
        assertTrue(unknownAction.err().contains("unknown action 'shrug'"), unknownAction.err());

        Files.writeString(pack.resolve("recipients.json"), "{\"recipients\": {}}");
        Result badRpsl = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("--data", dir.resolve("ws").toString(), "drill", "serve",
                pack.toString(), "--port-base", "0", "--session", dir.resolve("s").toString()));
        assertEquals(1, badRpsl.code());
        assertTrue(badRpsl.err().startsWith("liaison: " + pack.resolve("registries/ripe.db") + ":"), badRpsl.err());
    }

    @Test
    void aBrokenScenarioBundleIsNamedAndTheOthersAreStillListed() {
        ScenarioProvider broken = new ScenarioProvider() {
            @Override
            public List<ScenarioDescriptor> scenarios() {
                throw new IllegalStateException("the scenario index is missing");
            }

            @Override
            public void export(String id, Path target) {
                throw new IllegalStateException("not reached");
            }
        };
        ServiceRegistration<ScenarioProvider> registration = FrameworkUtil.getBundle(DrillCliTest.class).getBundleContext()
                .registerService(ScenarioProvider.class, broken, null);
        try {
            Result r = run("--data", dir.resolve("ws").toString(), "drill", "list");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith(SCENARIO + " "), r.out());
            assertTrue(r.err().startsWith("liaison: scenario provider listing its scenarios failed in bundle liaison.cli"), r.err());
            assertTrue(r.err().contains("IllegalStateException: the scenario index is missing"), r.err());
        } finally {
            registration.unregister();
        }
    }

    static String debianWhois(String port, String query) throws Exception {
        assertNotNull(port);
        Process p = new ProcessBuilder("whois", "-h", "127.0.0.1", "-p", port, "--", query).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    /** Collects printed lines for another thread to read. */
    static final class Lines extends Writer {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder current = new StringBuilder();

        @Override
        public synchronized void write(char[] c, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (c[i] == '\n') {
                    lines.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(c[i]);
                }
            }
        }

        String next() throws InterruptedException {
            String l = lines.poll(60, TimeUnit.SECONDS);
            assertNotNull(l, "no more output");
            return l;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
