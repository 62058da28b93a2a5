package liaison.resolve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import liaison.api.InputException;
import liaison.resolve.Endpoints;
import liaison.resolve.Politeness;
import liaison.whois.WhoisServer;

/** The endpoints file as the issue writes it, with politeness settings, and its errors. */
class EndpointsTest {

    @Test
    void mappings() throws Exception {
        Endpoints e = Endpoints.parse("endpoints", """
                # air gap
                whois.ripe.net = 127.0.0.1:4301
                https://rdap.db.ripe.net/ = http://127.0.0.1:8081/ripe/   # RDAP
                rwhois.example.net:4321 = 10.0.0.1:4321 connections=2 rate=10/min retries=0
                """);
        assertEquals(InetSocketAddress.createUnresolved("127.0.0.1", 4301), e.whois(WhoisServer.of("whois.ripe.net")));
        assertEquals(InetSocketAddress.createUnresolved("whois.arin.net", 43), e.whois(WhoisServer.of("whois.arin.net")));
        assertEquals(URI.create("http://127.0.0.1:8081/ripe/ip/192.0.2.1"), e.rdap(URI.create("https://rdap.db.ripe.net/ip/192.0.2.1")));
        assertEquals(URI.create("https://rdap.arin.net/registry/ip/1"), e.rdap(URI.create("https://rdap.arin.net/registry/ip/1")));
        assertEquals(new Politeness(2, Duration.ofSeconds(6), 0, Duration.ofSeconds(1)),
                e.politeness(WhoisServer.parse("rwhois://rwhois.example.net:4321")).orElseThrow());
    }

    @Test
    void errorsNameTheLine() {
        InputException e = assertThrows(InputException.class, () -> Endpoints.parse("ep.conf", "whois.ripe.net = 127.0.0.1:1\nnonsense\n"));
        assertEquals("ep.conf:2:1: expected 'server = address', found 'nonsense'", e.getMessage());
        InputException setting = assertThrows(InputException.class, () -> Endpoints.parse("ep.conf", "whois.ripe.net = 127.0.0.1:1 speed=9\n"));
        assertEquals(1, setting.line());
    }
}
