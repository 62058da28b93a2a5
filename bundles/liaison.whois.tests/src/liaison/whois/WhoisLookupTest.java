package liaison.whois;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import liaison.api.LiaisonException;
import liaison.api.model.IpAddress;
import liaison.replay.Responders;
import liaison.replay.WhoisReplay;

/** Referral chains over loopback: hops followed and recorded, loops and the hop limit stop them. */
class WhoisLookupTest {

    private final Map<String, WhoisReplay> servers = new HashMap<>();
    private final List<String> log = new ArrayList<>();

    private void serve(String host, String answer) throws Exception {
        servers.put(host, new WhoisReplay(host, Responders.bytes(answer.getBytes(StandardCharsets.UTF_8))));
    }

    /** A transport that connects to the replay standing in for each logical server. */
    private WhoisLookup lookup() {
        WhoisClient client = new WhoisClient();
        return new WhoisLookup((server, query, registry) -> {
            log.add(server + " " + query);
            WhoisReplay replay = servers.get(server.port() == 43 ? server.host() : server.host() + ":" + server.port());
            if (replay == null) {
                throw new WhoisException("cannot connect to " + server, true, null);
            }
            return client.fetch(server, replay.address(), query, registry.charset(), WhoisLimits.DEFAULT);
        });
    }

    @AfterEach
    void close() throws Exception {
        for (WhoisReplay r : servers.values()) {
            r.close();
        }
    }

    @Test
    void aReferralLoopIsDetectedAndTheChainKept() throws Exception {
        serve("whois.arin.net", "NetRange: 192.0.2.0 - 192.0.2.255\nNetName: TEST\n\nReferralServer: whois://whois.ripe.net\n");
        serve("whois.ripe.net", """
                inetnum:        192.0.0.0 - 192.255.255.255
                netname:        NON-RIPE-NCC-MANAGED-ADDRESS-BLOCK
                source:         RIPE
                """);
        serve("whois.iana.org", "refer:        whois.arin.net\n\ninetnum:      192.0.0.0 - 192.255.255.255\n");
        WhoisTrail trail = lookup().lookup(IpAddress.parse("192.0.2.1"), WhoisServer.of("whois.arin.net"));
        assertEquals(List.of("whois.arin.net n + 192.0.2.1", "whois.ripe.net -c 192.0.2.1", "whois.iana.org 192.0.2.1"), log);
        assertEquals(3, trail.hops().size());
        assertEquals("the registry of 192.0.2.1", trail.hops().get(0).reason());
        assertTrue(trail.hops().get(1).reason().contains("ReferralServer"), trail.hops().get(1).reason());
        assertEquals(List.of("referral loop: whois.arin.net was already asked 'n + 192.0.2.1' (IANA 'refer: whois.arin.net')"),
                trail.problems());
    }

    @Test
    void atMostFiveServers() throws Exception {
        List<String> hosts = List.of("a.example", "b.example", "c.example", "d.example", "e.example", "f.example");
        for (int i = 0; i < hosts.size() - 1; i++) {
            serve(hosts.get(i), "refer: " + hosts.get(i + 1) + "\n");
        }
        serve("f.example", "inetnum: 192.0.2.0 - 192.0.2.255\nnetname: END\n");
        WhoisTrail trail = lookup().lookup(IpAddress.parse("192.0.2.1"), WhoisServer.of("a.example"));
        assertEquals(WhoisLookup.MAX_HOPS, log.size());
        assertEquals(List.of("stopped after 5 servers; e.example refers on to f.example"), trail.problems());
    }

    @Test
    void aFailedReferralKeepsWhatTheFirstServerSaid() throws Exception {
        serve("whois.arin.net", Recorded.file("weppos-whois/referrals/arin_referral_rwhois.txt"));
        WhoisTrail trail = lookup().lookup(IpAddress.parse("69.65.39.166"), WhoisServer.of("whois.arin.net"));
        assertEquals(List.of("whois.arin.net n + 69.65.39.166", "rwhois://rwhois.servernap.net:4321 69.65.39.166"), log,
                "RWhois is asked for the bare address");
        assertEquals(1, trail.hops().size());
        assertEquals(List.of("could not follow the referral to rwhois://rwhois.servernap.net:4321: cannot connect to "
                + "rwhois://rwhois.servernap.net:4321"), trail.problems());
    }

    @Test
    void theFirstServerFailingFailsTheLookup() {
        LiaisonException e = assertThrows(LiaisonException.class,
                () -> lookup().lookup(IpAddress.parse("192.0.2.1"), WhoisServer.of("whois.arin.net")));
        assertEquals("cannot connect to whois.arin.net", e.getMessage());
    }

    @Test
    void contactsTheAnswerNamedButLeftOutAreAskedFor() throws Exception {
        WhoisReplay ripe = new WhoisReplay("whois.ripe.net", Responders.recorded(Map.of("192.0.2.1", """
                inetnum:        192.0.2.0 - 192.0.2.255
                netname:        EXAMPLE
                abuse-c:        AR1-TEST
                mnt-irt:        IRT-EXAMPLE
                source:         RIPE
                """, "IRT-EXAMPLE", """
                irt:            IRT-EXAMPLE
                e-mail:         irt@example.net
                source:         RIPE
                """, "AR1-TEST", """
                role:           Abuse
                nic-hdl:        AR1-TEST
                abuse-mailbox:  abuse@example.net
                source:         RIPE
                """), StandardCharsets.UTF_8, "%ERROR:101: no entries found\n"));
        servers.put("whois.ripe.net", ripe);
        WhoisTrail trail = lookup().lookup(IpAddress.parse("192.0.2.1"), WhoisServer.of("whois.ripe.net"));
        assertEquals(List.of("-c 192.0.2.1", "IRT-EXAMPLE", "AR1-TEST"), ripe.queries());
        assertEquals(2, trail.hops().get(0).followUps().size());
        assertEquals(List.of("irt@example.net"), trail.hops().get(0).followUps().get(0).party("IRT-EXAMPLE").orElseThrow().emails());
    }
}
