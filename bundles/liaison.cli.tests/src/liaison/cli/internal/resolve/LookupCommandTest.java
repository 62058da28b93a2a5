package liaison.cli.internal.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.cli.internal.Cli;
import liaison.replay.RecordedCorpus;

/** {@code liaison lookup} and {@code liaison bootstrap} in-process, against the corpus' replay servers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupCommandTest {

    @TempDir
    static Path dir;
    private RecordedCorpus corpus;
    private Path endpoints;
    private final Path corpusDir = Path.of(System.getProperty("liaison.corpus"));

    record Result(int code, String out, String err) {
        List<JsonNode> json() throws Exception {
            ObjectMapper m = new ObjectMapper();
            List<JsonNode> lines = new java.util.ArrayList<>();
            for (String l : out.split("\n")) {
                if (!l.isBlank()) {
                    lines.add(m.readTree(l));
                }
            }
            return lines;
        }
    }

    @BeforeAll
    void start() throws Exception {
        corpus = RecordedCorpus.start(corpusDir);
        corpus.rdap().handle("https://data.iana.org/rdap/", exchange -> {
            String name = exchange.getRequestURI().getPath().replaceAll(".*/", "");
            liaison.replay.RdapReplay.send(exchange, 200,
                    Files.readString(corpusDir.resolve("openrdap/test/testdata/bootstrap/" + name)));
        });
        endpoints = Files.writeString(dir.resolve("endpoints.conf"), corpus.endpoints("rate=unlimited retries=0")
                + corpus.rdap().endpointLine("https://data.iana.org/rdap/") + "\n");
    }

    @AfterAll
    void stop() throws Exception {
        corpus.close();
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(FrameworkUtil.getBundle(LookupCommandTest.class).getBundleContext(), new PrintWriter(out, true),
                new PrintWriter(err, true)).run(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Result lookup(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "--data";
        all[1] = dir.resolve("ws").toString();
        all[2] = "lookup";
        all[3] = "--endpoints";
        all[4] = endpoints.toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return run(all);
    }

    @Test
    void jsonOneLinePerQueryBestContactFirst() throws Exception {
        Result r = lookup("--json", "62.239.237.1", "210.107.73.73", "74.125.225.229");
        assertEquals(0, r.code(), r.err());
        List<JsonNode> lines = r.json();
        assertEquals(3, lines.size());
        JsonNode bt = lines.get(0);
        assertEquals("62.239.237.1", bt.get("query").asText());
        assertEquals("ripe", bt.get("registry").asText());
        assertEquals("62.239.237.0/24", bt.get("network").get("range").asText());
        assertEquals("BT-CORPORATE", bt.get("network").get("name").asText());
        assertEquals("GB", bt.get("network").get("country").asText());
        JsonNode best = bt.get("contacts").get(0);
        assertEquals("abuse", best.get("role").asText());
        assertEquals("protect@bt.com", best.get("email").asText());
        assertEquals("whois.ripe.net inetnum 62.239.237.0 - 62.239.237.255", best.get("source").asText());
        assertEquals("inetnum 62.239.237.0 - 62.239.237.255 \u2192 % Abuse contact for '62.239.237.0 - 62.239.237.255' is 'protect@bt.com'",
                best.get("path").asText());
        assertEquals(0.9, best.get("confidence").asDouble(), 1e-9);
        assertTrue(best.has("phone"));
        assertEquals("whois.ripe.net", bt.get("chain").get(0).get("server").asText());
        assertEquals("-c 62.239.237.1", bt.get("chain").get(0).get("query").asText());
        assertEquals("irt", lines.get(1).get("contacts").get(0).get("role").asText());
        assertEquals("hostmaster@nic.or.kr", lines.get(1).get("contacts").get(0).get("email").asText());
        assertEquals("arin-contact@google.com", lines.get(2).get("contacts").get(0).get("email").asText());
    }

    @Test
    void textShowsTheBestContactAndTheChain() {
        Result r = lookup("--via", "whois", "196.11.240.215");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  tell:    abuse@mtnbusiness.co.za  [abuse, confidence 0.25, from remarks]"), r.out());
        assertTrue(r.out().contains("  because: inetnum 196.11.239.0 - 196.11.246.255 \u2192 remarks: please send abuse reports to"), r.out());
        assertTrue(r.out().contains("    whois  whois.afrinic.net        -c 196.11.240.215"), r.out());
        assertTrue(r.out().contains("  note: whois.afrinic.net: no abuse contact registered for 196.11.239.0 - 196.11.246.255"), r.out());
    }

    @Test
    void rdapAndStdin() throws Exception {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("# from a log\n13.64.0.1\nAS2914  # transit\n".getBytes(StandardCharsets.UTF_8)));
            Result r = lookup("--via", "rdap", "--json", "--stdin");
            assertEquals(0, r.code(), r.err());
            List<JsonNode> lines = r.json();
            assertEquals("abuse@microsoft.com", lines.get(0).get("contacts").get(0).get("email").asText());
            assertEquals("AS2914", lines.get(1).get("query").asText());
            assertEquals("abuse@ntt.net", lines.get(1).get("contacts").get(0).get("email").asText());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void offlineAndFailures() throws Exception {
        Result miss = run("--data", dir.resolve("empty-ws").toString(), "lookup", "--offline", "--json", "192.0.2.1");
        assertEquals(1, miss.code());
        assertEquals("liaison: 1 of 1 lookup(s) failed; the first: 192.0.2.1: no cached whois answer covers 192.0.2.1 "
                + "(offline: nothing is asked)\n", miss.err());
        assertEquals("no cached whois answer covers 192.0.2.1 (offline: nothing is asked)", miss.json().get(0).get("error").asText());
    }

    @Test
    void usageErrors() {
        assertEquals(2, lookup().code(), "a query is required");
        assertEquals(2, lookup("--via", "carrier-pigeon", "192.0.2.1").code());
        assertEquals(2, lookup("not an address!").code());
        assertEquals(2, lookup("--stdin", "192.0.2.1").code());
        Result badFile = run("--data", dir.resolve("ws").toString(), "lookup", "--endpoints", dir.resolve("none.conf").toString(), "192.0.2.1");
        assertEquals(1, badFile.code());
        assertTrue(badFile.err().startsWith("liaison: " + dir.resolve("none.conf") + ": cannot read the endpoints file"), badFile.err());
    }

    @Test
    void bootstrapDirectoryUpdateAndShow() throws Exception {
        Path ws = dir.resolve("bootstrap-ws");
        Result fromDir = run("--data", ws.toString(), "lookup", "--endpoints", endpoints.toString(), "--json", "--bootstrap",
                corpusDir.resolve("openrdap/test/testdata/bootstrap").toString(), "74.125.225.229");
        assertEquals(0, fromDir.code(), fromDir.err());
        Result broken = run("--data", ws.toString(), "lookup", "--bootstrap", dir.toString(), "74.125.225.229");
        assertEquals(1, broken.code());
        assertTrue(broken.err().startsWith("liaison: " + dir.resolve("ipv4.json") + ": missing"), broken.err());

        Result update = run("--data", ws.toString(), "bootstrap", "update", "--endpoints", endpoints.toString());
        assertEquals(0, update.code(), update.err());
        assertTrue(update.out().startsWith("fetched the IANA bootstrap files into " + ws.resolve("cache/bootstrap")), update.out());
        assertTrue(update.out().contains("ipv4.json         published 2015-08-11T00:09:31Z"), update.out());
        Result again = run("--data", ws.toString(), "bootstrap", "update", "--endpoints", endpoints.toString());
        assertEquals(0, again.code());
        assertTrue(again.out().contains("fetched at most once a day"), again.out());
        Result show = run("--data", ws.toString(), "--json", "bootstrap", "show");
        assertEquals(0, show.code(), show.err());
        assertEquals(ws.resolve("cache/bootstrap").toString(), show.json().get(0).get("origin").asText());
    }
}
