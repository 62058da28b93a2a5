package liaison.rdap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import liaison.api.InputException;
import liaison.replay.RdapReplay;

/** The client against an RDAP replay on loopback: redirects, errors, 429, caps, timeouts. */
class RdapClientTest {

    private static final String RIPE = "https://rdap.db.ripe.net/";
    private static final String ARIN = "https://rdap.arin.net/registry/";

    private RdapReplay replay;
    private RdapClient client;
    private UnaryOperator<URI> endpoints;

    @BeforeEach
    void start() throws Exception {
        replay = new RdapReplay();
        client = new RdapClient(new RdapLimits(64 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(2), 3), "Liaison test");
        endpoints = u -> {
            for (String base : new String[] { RIPE, ARIN }) {
                if (u.toString().startsWith(base)) {
                    return URI.create(replay.endpointLine(base).split(" = ")[1] + u.toString().substring(base.length()));
                }
            }
            return u;
        };
    }

    @AfterEach
    void stop() {
        client.close();
        replay.close();
    }

    @Test
    void recordedObjectsAreServedAndRedirectsFollowedThroughTheMapping() throws Exception {
        replay.add(Corpus.read("whoisit/data_rdap_response_ip_v4_3.json"), ARIN);
        replay.handle(RIPE, exchange -> {
            exchange.getResponseHeaders().set("Location", ARIN + "ip/13.64.0.1");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        RdapResponse r = client.get(URI.create(RIPE + "ip/13.64.0.1"), endpoints);
        assertEquals(URI.create(ARIN + "ip/13.64.0.1"), r.url(), "the logical URL after the redirect");
        assertTrue(r.body().contains("MAC74-ARIN"));
    }

    @Test
    void notFoundCarriesTheRdapError() throws Exception {
        replay.add(Corpus.read("whoisit/data_rdap_response_ip_v4_3.json"), ARIN);
        RdapException e = assertThrows(RdapException.class, () -> client.get(URI.create(ARIN + "ip/192.0.2.1"), endpoints));
        assertTrue(e.notFound());
        assertTrue(e.getMessage().contains("HTTP 404 (Not Found: no recorded object for ip 192.0.2.1)"), e.getMessage());
    }

    @Test
    void rateLimitingReportsRetryAfter() {
        replay.handle(ARIN, exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "7");
            RdapReplay.send(exchange, 429, "{\"errorCode\":429,\"title\":\"Too Many Requests\"}");
        });
        RdapException e = assertThrows(RdapException.class, () -> client.get(URI.create(ARIN + "ip/192.0.2.1"), endpoints));
        assertTrue(e.rateLimited());
        assertEquals(Duration.ofSeconds(7), e.retryAfter());
        assertEquals("rdap.arin.net is rate limiting Liaison (HTTP 429); it asks to wait 7 s", e.getMessage());
        assertEquals(Duration.ZERO, RdapClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), "a date in the past");
    }

    @Test
    void redirectLoopsEnd() {
        AtomicInteger hops = new AtomicInteger();
        replay.handle(ARIN, exchange -> {
            hops.incrementAndGet();
            exchange.getResponseHeaders().set("Location", ARIN + "ip/192.0.2.1");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        RdapException e = assertThrows(RdapException.class, () -> client.get(URI.create(ARIN + "ip/192.0.2.1"), endpoints));
        assertEquals(ARIN + "ip/192.0.2.1: more than 3 redirects", e.getMessage());
        assertEquals(4, hops.get());
    }

    @Test
    void oversizedBodiesAndSlowServersEndInBoundedTime() {
        replay.handle(ARIN, exchange -> RdapReplay.send(exchange, 200, "{\"x\":\"" + "a".repeat(100_000) + "\"}"));
        RdapException big = assertThrows(RdapException.class, () -> client.get(URI.create(ARIN + "ip/192.0.2.1"), endpoints));
        assertEquals(ARIN + "ip/192.0.2.1 sent more than 65536 bytes; the answer was refused", big.getMessage());

        replay.handle(RIPE, exchange -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        RdapException slow = assertTimeoutPreemptively(Duration.ofSeconds(8),
                () -> assertThrows(RdapException.class, () -> client.get(URI.create(RIPE + "ip/192.0.2.1"), endpoints)));
        assertEquals(RIPE + "ip/192.0.2.1 did not answer within 2 s", slow.getMessage());
    }

    @Test
    void brokenJsonFromTheCorpusIsRefusedWithItsPosition() throws Exception {
        String malformed = Corpus.read("openrdap/test/testdata/misc/malformed.json");
        replay.handle(ARIN, exchange -> RdapReplay.send(exchange, 200, malformed));
        RdapResponse r = client.get(URI.create(ARIN + "ip/192.0.2.1"), endpoints);
        InputException e = assertThrows(InputException.class, () -> RdapObject.parse(r.url().toString(), r.body()));
        assertTrue(e.getMessage().startsWith(ARIN + "ip/192.0.2.1:2:1: not valid JSON"), e.getMessage());
    }
}
