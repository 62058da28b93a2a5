package liaison.resolve.internal;

import static liaison.resolve.internal.Fixture.best;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import liaison.api.model.CandidateFlag;
import liaison.api.model.ContactCandidate;
import liaison.api.model.Role;
import liaison.api.resolve.NetworkInfo;
import liaison.resolve.Exchange;
import liaison.resolve.Resolution;

/**
 * For every RIR and NIR, the best contact over whois from the registries' recorded answers, with the
 * path that explains it and the chain of queries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhoisResolutionTest {

    @TempDir
    static Path workspace;
    private Fixture fixture;

    @BeforeAll
    void start() throws Exception {
        fixture = new Fixture(workspace, "rate=unlimited retries=0");
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
    }

    private static List<String> chain(Resolution r) {
        return r.chain().stream().map(e -> e.server() + " " + e.query()).toList();
    }

    @Test
    void ripeAbuseContactBeforeTheAddressInRemarks() {
        Resolution r = fixture.whois("62.239.237.1");
        ContactCandidate best = best(r);
        assertEquals(Role.ABUSE, best.role());
        assertEquals("protect@bt.com", best.email());
        assertEquals(List.of("inetnum 62.239.237.0 - 62.239.237.255",
                "% Abuse contact for '62.239.237.0 - 62.239.237.255' is 'protect@bt.com'"), best.path());
        ContactCandidate remark = r.contacts().stream().filter(c -> "btcertcc@bt.com".equals(c.email())).findFirst().orElseThrow();
        assertTrue(remark.has(CandidateFlag.FROM_REMARKS));
        assertTrue(remark.confidence() < best.confidence());
        assertEquals("ripe", r.registry());
        assertEquals(new NetworkInfo("ripe", "62.239.237.0/24", "BT-CORPORATE", "GB"), r.network());
        assertEquals(List.of("whois.ripe.net -c 62.239.237.1"), chain(r));
        assertNull(r.error());
    }

    @Test
    void ripeIpv6() {
        assertEquals("protect@bt.com", best(fixture.whois("2a00:2381:ffff::1")).email());
    }

    @Test
    void apnicIrtOfTheSmallestObjectWithMntIrt() {
        Resolution r = fixture.whois("210.107.73.73");
        ContactCandidate best = best(r);
        assertEquals(Role.IRT, best.role());
        assertEquals("IRT-KRNIC-KR", best.name());
        assertEquals("hostmaster@nic.or.kr", best.email());
        assertEquals("inetnum 210.107.0.0 - 210.107.127.255", best.path().get(0), "the /17, not the KRNIC /15 mirror");
        assertFalse(best.has(CandidateFlag.REGISTRY_CONTACT), "an irt is a CSIRT, even a registry's");
    }

    @Test
    void arinOrganisationAbuseContact() {
        Resolution r = fixture.whois("74.125.225.229");
        ContactCandidate best = best(r);
        assertEquals(Role.ABUSE, best.role());
        assertEquals("arin-contact@google.com", best.email());
        assertEquals("+1-650-253-0000", best.phone());
        assertTrue(best.pathText().contains("OrgAbuse ZG39-ARIN"), best.pathText());
        assertEquals(List.of("whois.arin.net n + 74.125.225.229"), chain(r));
    }

    @Test
    void arinResourceAbuseBeforeOrganisationAbuse() {
        ContactCandidate best = best(fixture.whois("2001:4860:4860::8888"));
        assertEquals("arin-contact@google.com", best.email());
        assertTrue(best.pathText().contains("RAbuse ZG39-ARIN"), best.pathText());
    }

    @Test
    void lacnicAbuseHandlesResolvedToTheirAddress() {
        Resolution v4 = fixture.whois("200.57.141.161");
        assertEquals(Role.ABUSE, best(v4).role());
        assertEquals("operacion.redes@triara.com", best(v4).email());
        assertEquals("RYT2", best(v4).name());
        assertEquals(List.of("inetnum 200.57.128/19", "abuse-c RYT2", "person RYT2", "e-mail"), best(v4).path());
        assertEquals("sistemas.red@uco.edu.co", best(fixture.whois("2801:10:c000::")).email());
    }

    @Test
    void afrinicWithoutAbuseContactFallsBackToRemarksWithLowConfidence() {
        Resolution r = fixture.whois("196.11.240.215");
        ContactCandidate best = best(r);
        assertEquals("abuse@mtnbusiness.co.za", best.email());
        assertTrue(best.has(CandidateFlag.FROM_REMARKS));
        assertTrue(best.confidence() <= 0.3, "low confidence: " + best.confidence());
        assertTrue(r.notices().contains("whois.afrinic.net: no abuse contact registered for 196.11.239.0 - 196.11.246.255"),
                r.notices().toString());
    }

    @Test
    void afrinicIpv6WithoutAnyAddress() {
        Resolution r = fixture.whois("2001:43f8:7b0::");
        assertTrue(r.contacts().stream().allMatch(c -> c.emails().isEmpty()), r.contacts().toString());
        assertTrue(r.contacts().stream().anyMatch(c -> "+25420245036".equals(c.phone())), "the technical contact's phone");
    }

    @Test
    void apnicSendsJpnicSpaceToJpnicAndTheRegistrysOwnAddressRanksLast() {
        Resolution r = fixture.whois("2001:240:10c:1::ca20:9d1d");
        assertEquals(List.of("whois.apnic.net -c 2001:240:10c:1::ca20:9d1d", "whois.nic.ad.jp 2001:240:10c:1::ca20:9d1d/e"), chain(r));
        ContactCandidate best = best(r);
        assertEquals("hostmaster@nic.ad.jp", best.email());
        assertTrue(best.has(CandidateFlag.REGISTRY_CONTACT));
        assertTrue(best.confidence() <= Candidates.STAFF);
        assertEquals("2001:240:10c::/48", r.network().range());
    }

    @Test
    void arinReferralsToOtherRegistriesAndRwhois() {
        Resolution apnic = fixture.whois("144.134.121.81");
        assertEquals(List.of("whois.arin.net n + 144.134.121.81", "whois.apnic.net -c 144.134.121.81"), chain(apnic));
        assertTrue(best(apnic).has(CandidateFlag.REGISTRY_CONTACT), "ARIN's stub names APNIC's staff");

        Resolution ripe = fixture.whois("130.66.76.222");
        assertEquals(List.of("whois.arin.net n + 130.66.76.222", "whois.ripe.net -c 130.66.76.222"), chain(ripe));

        Resolution rwhois = fixture.whois("69.65.39.166");
        assertEquals(List.of("whois.arin.net n + 69.65.39.166", "rwhois://rwhois.servernap.net:4321 69.65.39.166"), chain(rwhois));
        assertEquals("abuse@gigenet.com", best(rwhois).email(), "ARIN's answer is kept when the referral knows nothing");

        Resolution none = fixture.whois("4.2.2.1");
        assertEquals(List.of("whois.arin.net n + 4.2.2.1"), chain(none));
        assertEquals("security@level3.com", best(none).email());
    }

    @Test
    void aLaterAddressInACoveredRangeCostsNoQuery() {
        best(fixture.whois("62.239.237.1"));
        int before = fixture.whoisQueries();
        Resolution r = fixture.whois("62.239.237.200");
        assertEquals(before, fixture.whoisQueries(), "answered from the cache");
        assertEquals("protect@bt.com", best(r).email());
        assertTrue(best(r).has(CandidateFlag.CACHED));
        assertTrue(r.chain().stream().allMatch(Exchange::cached));
    }
}
