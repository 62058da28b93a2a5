package liaison.cli.internal.constituency;

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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.cli.internal.Cli;

/** {@code liaison constituency load|map|explain}, in-process over the real services. */
class ConstituencyCommandsTest {

    static final String WORLD = """
            irt:            IRT-EXAMPLE
            address:        Example Street 1
            e-mail:         first@irt.example
            e-mail:         second@irt.example
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            auth:           PGPKEY-00000001
            mnt-by:         TEST-MNT
            source:         TEST

            role:           Abuse Desk
            address:        Somewhere
            e-mail:         noc@example.net
            abuse-mailbox:  abuse@example.net
            nic-hdl:        AR1-TEST
            mnt-by:         TEST-MNT
            source:         TEST

            inetnum:        198.51.100.0 - 198.51.100.255
            netname:        EXAMPLE-NET
            country:        NL
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            abuse-c:        AR1-TEST
            status:         ASSIGNED PA
            mnt-by:         TEST-MNT
            mnt-irt:        IRT-EXAMPLE
            source:         TEST

            inetnum:        198.51.100.16 - 198.51.100.40
            netname:        SMALL-NET
            country:        NL
            admin-c:        AR1-TEST
            tech-c:         AR1-TEST
            status:         ASSIGNED PA
            mnt-by:         TEST-MNT
            source:         TEST
            """;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(FrameworkUtil.getBundle(Cli.class).getBundleContext(), new PrintWriter(out, true), new PrintWriter(err, true))
                .run(args);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void load() throws Exception {
        Path file = Files.writeString(tmp.resolve("world.db"), WORLD);
        Result r = run("constituency", "load", "--index", tmp.resolve("index").toString(), file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("loaded world.db: 4 objects, 2 ranges (rpsl, sources TEST)"), r.out());
    }

    @Test
    void mapPrintsOneJsonObjectPerAddress() throws Exception {
        Result r = run("constituency", "map", "--index", tmp.resolve("index").toString(), "--json", "198.51.100.20", "203.0.113.1");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("198.51.100.20", first.get("query").asText());
        assertEquals("198.51.100.16 - 198.51.100.40", first.get("inetnum").asText());
        assertEquals("IRT-EXAMPLE", first.get("irt").asText());
        assertEquals("first@irt.example", first.get("irt_email").asText());
        assertEquals("abuse@example.net", first.get("abuse_mailbox").asText());
        assertEquals(2, first.get("claims").size());
        assertEquals("198.51.100.0 - 198.51.100.255", first.get("claims").get(1).get("resource").asText());
        JsonNode none = new ObjectMapper().readTree(lines.get(1));
        assertTrue(none.get("inetnum").isNull());
        assertTrue(none.get("irt").isNull());
        assertTrue(none.get("abuse_mailbox").isNull());
    }

    @Test
    void mapReadsStandardInputAndReportsBadLines() {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream("198.51.100.1\nnot-an-address\n\n198.51.100.41\n".getBytes(StandardCharsets.UTF_8)));
        try {
            Result r = run("--json", "constituency", "map", "--index", tmp.resolve("index").toString(), "--stdin");
            assertEquals(1, r.code(), "one line was not an address");
            List<String> lines = r.out().lines().toList();
            assertEquals(3, lines.size(), r.out());
            assertTrue(lines.get(1).contains("\"error\""), lines.get(1));
            assertTrue(lines.get(2).contains("\"inetnum\":\"198.51.100.0 - 198.51.100.255\""), lines.get(2));
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void explainRanksClaimsForPeople() {
        Result r = run("constituency", "explain", "--index", tmp.resolve("index").toString(), "198.51.100.20");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().indexOf("198.51.100.16 - 198.51.100.40") < r.out().indexOf("198.51.100.0 - 198.51.100.255"), r.out());
        assertTrue(r.out().contains("irt inherited from a less specific object: IRT-EXAMPLE"), r.out());
    }

    @Test
    void aBadFileFailsWithFileAndLineAndKeepsTheIndex() throws Exception {
        Path bad = Files.createDirectories(tmp.resolve("bad")).resolve("world.db");
        Files.writeString(bad, WORLD.replace("198.51.100.16 - 198.51.100.40", "198.51.100.16 - 198.51.100"));
        Result r = run("constituency", "load", "--index", tmp.resolve("index").toString(), bad.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        long line = WORLD.substring(0, WORLD.indexOf("198.51.100.16 - ")).chars().filter(c -> c == '\n').count() + 1;
        assertTrue(r.err().startsWith("liaison: " + bad + ":" + line + ":1: inetnum '198.51.100.16 - 198.51.100': not an IPv4 range"),
                r.err());
        Result still = run("constituency", "map", "--index", tmp.resolve("index").toString(), "198.51.100.20");
        assertTrue(still.out().contains("198.51.100.16 - 198.51.100.40"), still.out());
    }

    @Test
    void usageErrors() {
        assertEquals(2, run("constituency", "map", "--index", tmp.toString()).code(), "no address and no --stdin");
        assertEquals(2, run("constituency").code());
        assertEquals(2, run("whois-server").code(), "--port is required");
    }
}
