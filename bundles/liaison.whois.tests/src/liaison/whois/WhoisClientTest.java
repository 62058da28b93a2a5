package liaison.whois;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import liaison.api.InputException;
import liaison.replay.Responders;
import liaison.replay.WhoisReplay;

/**
 * The client against hostile servers on loopback: every case ends well within its limits with a
 * message naming the server and what happened.
 */
class WhoisClientTest {

    private static final WhoisServer SERVER = WhoisServer.of("whois.example.net");
    private static final WhoisLimits TIGHT = new WhoisLimits(64 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2));
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void endlessOutputIsCappedWithAClearError() throws Exception {
        try (WhoisReplay server = new WhoisReplay(SERVER.host(), Responders.endless("remarks: more and more"))) {
            WhoisException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(WhoisException.class,
                    () -> new WhoisClient().fetch(SERVER, server.address(), "192.0.2.1", null, TIGHT)));
            assertEquals("whois.example.net sent more than 65536 bytes; the answer was refused", e.getMessage());
            assertFalse(e.retryable());
        }
    }

    @Test
    void aSlowDripEndsAtTheDeadline() throws Exception {
        byte[] answer = "inetnum: 192.0.2.0 - 192.0.2.255\n".repeat(10).getBytes(StandardCharsets.US_ASCII);
        try (WhoisReplay server = new WhoisReplay(SERVER.host(), Responders.slowDrip(answer, Duration.ofMillis(100)))) {
            WhoisException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(WhoisException.class,
                    () -> new WhoisClient().fetch(SERVER, server.address(), "192.0.2.1", null, TIGHT)));
            assertTrue(e.getMessage().startsWith("whois.example.net did not finish its answer within 2 s ("), e.getMessage());
        }
    }

    @Test
    void aSilentServerTimesOut() throws Exception {
        try (WhoisReplay server = new WhoisReplay(SERVER.host(), (q, out, s) -> Thread.sleep(5_000))) {
            WhoisException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(WhoisException.class,
                    () -> new WhoisClient().fetch(SERVER, server.address(), "192.0.2.1", null, TIGHT)));
            assertTrue(e.getMessage().startsWith("whois.example.net stopped sending within 1 s (0 bytes received)"), e.getMessage());
        }
    }

    @Test
    void aResetMidAnswerIsReportedAndMayBeRetried() throws Exception {
        byte[] answer = Recorded.ipwhois("62.239.237.1").getBytes(StandardCharsets.ISO_8859_1);
        try (WhoisReplay server = new WhoisReplay(SERVER.host(), Responders.resetAfter(answer, 200))) {
            WhoisException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(WhoisException.class,
                    () -> new WhoisClient().fetch(SERVER, server.address(), "192.0.2.1", null, TIGHT)));
            assertTrue(e.getMessage().startsWith("whois.example.net broke the connection after "), e.getMessage());
            assertTrue(e.retryable());
        }
    }

    @Test
    void anAnswerCutShortIsReadWithAWarning() throws Exception {
        String full = Recorded.ipwhois("62.239.237.1");
        String cut = full.substring(0, full.indexOf("role:") + 30);
        try (WhoisReplay server = new WhoisReplay(SERVER.host(), Responders.bytes(cut.getBytes(StandardCharsets.ISO_8859_1)))) {
            WhoisResponse r = new WhoisClient().fetch(SERVER, server.address(), "-c 62.239.237.1", StandardCharsets.ISO_8859_1, TIGHT);
            WhoisAnswer a = WhoisAnswers.parse(r, Registry.RIPE);
            assertEquals(1, a.networks().size(), "what arrived is kept");
            assertTrue(a.warnings().stream().anyMatch(w -> w.contains("middle of a line")), a.warnings().toString());
        }
    }

    @Test
    void bytesInvalidForTheCharsetNameServerAndOffset() throws Exception {
        byte[] bad = "network: 192.0.2.0/24\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        try (WhoisReplay server = new WhoisReplay("whois.kisa.or.kr", Responders.bytes(bad))) {
            InputException e = assertThrows(InputException.class, () -> new WhoisClient().fetch(WhoisServer.of("whois.kisa.or.kr"),
                    server.address(), "192.0.2.1", Registry.KRNIC.charset(), TIGHT));
            assertEquals("whois.kisa.or.kr", e.input());
            assertEquals(32, e.column(), "1-based byte offset of the Latin-1 e-acute");
            assertTrue(e.getMessage().contains("invalid in UTF-8"), e.getMessage());
        }
    }

    @Test
    void nothingListeningIsARetryableConnectFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        InetSocketAddress closed = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        WhoisException e = assertThrows(WhoisException.class, () -> new WhoisClient().fetch(SERVER, closed, "192.0.2.1", null, TIGHT));
        assertTrue(e.getMessage().startsWith("cannot connect to whois.example.net (at "), e.getMessage());
        assertTrue(e.retryable());
    }
}
