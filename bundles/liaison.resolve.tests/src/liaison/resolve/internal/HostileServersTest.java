package liaison.resolve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import liaison.api.model.Resource;
import liaison.replay.RdapReplay;
import liaison.replay.Responders;
import liaison.replay.WhoisReplay;
import liaison.resolve.Endpoints;
import liaison.resolve.LookupOptions;
import liaison.resolve.Resolution;
import liaison.resolve.Via;

/** Every hostile server ends a lookup in bounded time with a clear one-line message, never a hang. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileServersTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    static Path workspace;
    private Fixture fixture;
    private final List<AutoCloseable> servers = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        fixture = new Fixture(workspace, "rate=unlimited retries=0");
    }

    @AfterEach
    void closeServers() throws Exception {
        for (AutoCloseable s : servers) {
            s.close();
        }
        servers.clear();
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
    }

    private WhoisReplay whois(String host, WhoisReplay.Responder responder) throws Exception {
        WhoisReplay r = new WhoisReplay(host, responder);
        servers.add(r);
        return r;
    }

    /** Looks up through endpoints whose extra lines override the replays' mappings. */
    private Resolution lookup(String query, Via via, Duration timeout, String extraLines) throws Exception {
        Path file = workspace.resolve("hostile.conf");
        Files.writeString(file, fixture.corpus.endpoints("rate=unlimited retries=0") + extraLines);
        LookupOptions o = new LookupOptions(via, false, Endpoints.load(file), null, timeout, null);
        return assertTimeoutPreemptively(BOUND, () -> fixture.resolver.resolve(Resource.parse(query), o));
    }

    @Test
    void endlessOutput() throws Exception {
        WhoisReplay ripe = whois("whois.ripe.net", Responders.endless("remarks: and so on"));
        Resolution r = lookup("62.239.237.1", Via.WHOIS, Duration.ofSeconds(15), ripe.endpointLine() + " rate=unlimited retries=0\n");
        assertEquals("whois.ripe.net sent more than 1048576 bytes; the answer was refused", r.error());
    }

    @Test
    void slowDrip() throws Exception {
        WhoisReplay ripe = whois("whois.ripe.net", Responders.slowDrip(new byte[4096], Duration.ofMillis(200)));
        Resolution r = lookup("62.239.237.1", Via.WHOIS, Duration.ofSeconds(3), ripe.endpointLine() + " rate=unlimited retries=0\n");
        assertTrue(r.error().startsWith("whois.ripe.net did not finish its answer within 2 s")
                || r.error().startsWith("whois.ripe.net did not finish its answer within 3 s"), r.error());
    }

    @Test
    void referralLoop() throws Exception {
        WhoisReplay arin = whois("whois.arin.net", Responders.bytes(
                "NetRange: 74.125.0.0 - 74.125.255.255\nNetName: LOOP\nReferralServer: whois://whois.ripe.net\n".getBytes(StandardCharsets.UTF_8)));
        WhoisReplay ripe = whois("whois.ripe.net", Responders.bytes(
                "inetnum: 74.0.0.0 - 74.255.255.255\nnetname: NON-RIPE-NCC-MANAGED-ADDRESS-BLOCK\nsource: RIPE\n".getBytes(StandardCharsets.UTF_8)));
        WhoisReplay iana = whois("whois.iana.org", Responders.bytes("refer: whois.arin.net\n".getBytes(StandardCharsets.UTF_8)));
        Resolution r = lookup("74.125.225.229", Via.WHOIS, Duration.ofSeconds(15), arin.endpointLine() + "\n" + ripe.endpointLine() + "\n"
                + iana.endpointLine() + "\n");
        assertEquals(List.of("n + 74.125.225.229"), arin.queries(), "asked once");
        assertEquals(3, r.chain().size());
        assertTrue(r.problems().contains("referral loop: whois.arin.net was already asked 'n + 74.125.225.229' (IANA 'refer: whois.arin.net')"),
                r.problems().toString());
    }

    @Test
    void invalidBytesForTheCharset() throws Exception {
        WhoisReplay iana = whois("whois.iana.org", Responders.bytes("domain: EXAMPLE\nremarks: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));
        Resolution r = lookup("example.com", Via.WHOIS, Duration.ofSeconds(15), iana.endpointLine() + "\n");
        assertEquals("whois.iana.org at byte 29: bytes invalid in UTF-8", r.error());
    }

    @Test
    void connectionResetMidAnswerIsRetriedThenReported() throws Exception {
        WhoisReplay ripe = whois("whois.ripe.net", Responders.resetAfter("inetnum: 62.239.237.0 - 62.239.237.255\n".getBytes(StandardCharsets.UTF_8), 10));
        Resolution r = lookup("62.239.237.1", Via.WHOIS, Duration.ofSeconds(15), ripe.endpointLine() + " rate=unlimited retries=1\n");
        assertEquals(2, ripe.queries().size(), "one retry");
        assertTrue(r.error().startsWith("whois.ripe.net broke the connection after "), r.error());
        assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("retrying whois.ripe.net after: whois.ripe.net broke the connection")),
                r.problems().toString());
    }

    @Test
    void rdapBrokenJson() throws Exception {
        String malformed = Files.readString(Path.of(System.getProperty("liaison.corpus"), "openrdap/test/testdata/misc/malformed.json"));
        RdapReplay replay = new RdapReplay();
        servers.add(replay);
        replay.handle("https://rdap.db.ripe.net/", e -> RdapReplay.send(e, 200, malformed));
        Resolution r = lookup("62.239.237.1", Via.RDAP, Duration.ofSeconds(15), replay.endpointLine("https://rdap.db.ripe.net/") + "\n");
        assertTrue(r.error().startsWith("https://rdap.db.ripe.net/ip/62.239.237.1:2:1: not valid JSON"), r.error());
    }

    @Test
    void rdapRateLimitHonoured() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String arin = fixture.corpus.rdap().endpointLine("https://rdap.arin.net/registry/").split(" = ")[1];
        RdapReplay replay = new RdapReplay();
        servers.add(replay);
        replay.handle("https://rdap.arin.net/registry/", e -> {
            if (calls.getAndIncrement() == 0) {
                e.getResponseHeaders().set("Retry-After", "1");
                RdapReplay.send(e, 429, "{\"errorCode\":429,\"title\":\"Too Many Requests\"}");
            } else {
                e.getResponseHeaders().set("Location", arin + "ip/74.125.225.229");
                e.sendResponseHeaders(302, -1);
                e.close();
            }
        });
        long start = System.nanoTime();
        Resolution r = lookup("74.125.10.1", Via.RDAP, Duration.ofSeconds(15),
                replay.endpointLine("https://rdap.arin.net/registry/") + " retries=2\n");
        assertTrue(System.nanoTime() - start >= 900_000_000L, "waited as Retry-After asked");
        assertEquals("arin-contact@google.com", Fixture.best(r).email());
        assertTrue(r.problems().contains("rdap.arin.net is rate limiting Liaison (HTTP 429); it asks to wait 1 s; waiting before asking again"),
                r.problems().toString());

        replay.handle("https://rdap.arin.net/registry/", e -> {
            e.getResponseHeaders().set("Retry-After", "3600");
            RdapReplay.send(e, 429, "{}");
        });
        Resolution refused = lookup("74.125.11.1", Via.RDAP, Duration.ofSeconds(15),
                replay.endpointLine("https://rdap.arin.net/registry/") + " retries=2\n");
        assertEquals("rdap.arin.net is rate limiting Liaison (HTTP 429); it asks to wait 3600 s; not retried: "
                + "the lookup's deadline comes first", refused.error());
    }

    @Test
    void autoFallsBackToRdapWhenWhoisIsDown() throws Exception {
        Resolution r = lookup("74.125.12.1", Via.AUTO, Duration.ofSeconds(15), "whois.arin.net = 127.0.0.1:1 retries=0\n");
        assertEquals("arin-contact@google.com", Fixture.best(r).email());
        assertTrue(r.problems().contains("asked rdap too: whois failed"), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("cannot connect to whois.arin.net (at 127.0.0.1:1)")), r.problems().toString());
    }
}
