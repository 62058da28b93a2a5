package liaison.whois;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import liaison.api.model.IpRange;

/** Every registry's answer format read into one model, from answers the registries really sent. */
class WhoisAnswersTest {

    @Test
    void ripeAnswerKeepsTheServersAbuseLineApartFromRemarks() throws Exception {
        WhoisAnswer a = Recorded.answer("whois.ripe.net", "-c 62.239.237.1", Recorded.ipwhois("62.239.237.1"));
        assertEquals(1, a.networks().size(), "route objects are not networks");
        NetworkRecord net = a.mostSpecific().orElseThrow();
        assertEquals(IpRange.parse("62.239.237.0/24"), net.range());
        assertEquals("BT-CORPORATE", net.name());
        assertEquals("GB", net.country());
        assertEquals(Instant.parse("2008-08-14T14:54:30Z"), net.lastModified());
        assertEquals(List.of(new WhoisAnswer.AbuseNotice("62.239.237.0 - 62.239.237.255", "protect@bt.com")), a.abuseNotices());
        assertEquals(List.of("btcertcc@bt.com"), net.textEmails().stream().map(TextEmail::email).toList());
        assertEquals(List.of("BTCR1-RIPE"), net.handles("admin-c").subList(1, 2));
        assertEquals(List.of("protect@bt.com"), a.party("btcr1-ripe").orElseThrow().abuseMailboxes(), "handles are case-insensitive");
        assertNull(a.referral());
        assertFalse(a.notFound());
    }

    @Test
    void apnicAnswerWithAnIrtAndAKrnicMirror() throws Exception {
        WhoisAnswer a = Recorded.answer("whois.apnic.net", "-c 210.107.73.73", Recorded.ipwhois("210.107.73.73"));
        assertEquals(2, a.networks().size());
        NetworkRecord specific = a.mostSpecific().orElseThrow();
        assertEquals(IpRange.parse("210.107.0.0/17"), specific.range(), "the smaller of the two inetnums");
        assertEquals(List.of("IRT-KRNIC-KR"), specific.handles("mnt-irt"));
        Party irt = a.party("IRT-KRNIC-KR").orElseThrow();
        assertEquals("irt", irt.type());
        assertEquals(List.of("hostmaster@nic.or.kr"), irt.abuseMailboxes());
        assertEquals("KRNIC", a.networks().get(0).source());
        assertNull(a.referral(), "the most specific object is APNIC's own: no referral to KRNIC");
    }

    @Test
    void apnicSendsJpnicBlocksToJpnic() throws Exception {
        WhoisAnswer a = Recorded.answer("whois.apnic.net", "-c 2001:240:10c:1::ca20:9d1d", Recorded.ipwhois("2001:240:10c:1::ca20:9d1d"));
        assertEquals("JPNIC", a.mostSpecific().orElseThrow().source());
        assertNotNull(a.referral());
        assertEquals(WhoisServer.of("whois.nic.ad.jp"), a.referral().server());
    }

    @Test
    void arinResourcePocsBelongToTheNetAndOrganisationPocsToTheOrganisation() throws Exception {
        WhoisAnswer a = Recorded.answer("whois.arin.net", "n + 2001:4860:4860::8888", Recorded.ipwhois("2001:4860:4860::8888"));
        NetworkRecord net = a.mostSpecific().orElseThrow();
        assertEquals(IpRange.parse("2001:4860::/32"), net.range());
        assertEquals("GOOGLE-IPV6", net.name());
        assertEquals("GOGL", net.org());
        assertEquals("US", net.country(), "from the organisation");
        assertEquals(List.of("ZG39-ARIN"), net.handles("rabuse"));
        assertEquals(List.of("ZG39-ARIN"), a.party("GOGL").orElseThrow().handles("orgabuse"));
        Party poc = a.party("ZG39-ARIN").orElseThrow();
        assertEquals(List.of("arin-contact@google.com"), poc.emails());
        assertEquals("+1-650-253-0000", poc.phone());
    }

    @Test
    void arinReferralsWhoisRwhoisAndNone() throws Exception {
        assertEquals(WhoisServer.of("whois.apnic.net"), Recorded.answer("whois.arin.net", "n + 144.134.121.81",
                Recorded.file("weppos-whois/referrals/arin_referral_apnic.txt")).referral().server());
        assertEquals(new WhoisServer("whois.ripe.net", 43, false), Recorded.answer("whois.arin.net", "n + 130.66.76.222",
                Recorded.file("weppos-whois/referrals/arin_referral_whois.txt")).referral().server());
        WhoisServer rwhois = Recorded.answer("whois.arin.net", "n + 69.65.39.166",
                Recorded.file("weppos-whois/referrals/arin_referral_rwhois.txt")).referral().server();
        assertEquals(new WhoisServer("rwhois.servernap.net", 4321, true), rwhois);
        WhoisAnswer missing = Recorded.answer("whois.arin.net", "n + 4.2.2.1", Recorded.file("weppos-whois/referrals/arin_referral_missing.txt"));
        assertNull(missing.referral());
        assertEquals(List.of("APL8-ARIN"), missing.party("LVLT").orElseThrow().handles("orgabuse"));
        assertEquals("LVLT", missing.mostSpecific().orElseThrow().org());
    }

    @Test
    void arinsLastReferralServerWins() throws Exception {
        String twoNets = Recorded.file("weppos-whois/referrals/arin_referral_rwhois.txt") + "\n"
                + Recorded.file("weppos-whois/referrals/arin_referral_apnic.txt");
        WhoisAnswer a = Recorded.answer("whois.arin.net", "n + 144.134.121.81", twoNets);
        assertEquals(WhoisServer.of("whois.apnic.net"), a.referral().server());
    }

    @Test
    void arinOrganisationOnlyNamedByTheBlockAfterTheNet() throws Exception {
        WhoisAnswer a = Recorded.answer("whois.arin.net", "n + 69.65.39.166", Recorded.file("weppos-whois/referrals/arin_referral_rwhois.txt"));
        assertEquals("DMPL", a.mostSpecific().orElseThrow().org());
        assertEquals(List.of("ABUSE2935-ARIN"), a.party("DMPL").orElseThrow().handles("orgabuse"));
    }

    @Test
    void lacnicShortPrefixesAndHandleBlocks() throws Exception {
        WhoisAnswer a = Recorded.answer("whois.lacnic.net", "200.57.141.161", Recorded.ipwhois("200.57.141.161"));
        NetworkRecord net = a.mostSpecific().orElseThrow();
        assertEquals(IpRange.parse("200.57.128.0/19"), net.range(), "200.57.128/19 as LACNIC writes it");
        assertEquals("MX-TSCV6-LACNIC", net.org());
        assertEquals(List.of("RYT2"), net.handles("abuse-c"));
        assertEquals(List.of("operacion.redes@TRIARA.COM"), a.party("RYT2").orElseThrow().emails());
        assertNull(a.referral(), "'LACNIC resource: whois.lacnic.net' names LACNIC itself");
    }

    @Test
    void afrinicWithoutAbuseContact() throws Exception {
        WhoisAnswer a = Recorded.answer("whois.afrinic.net", "-c 196.11.240.215", Recorded.ipwhois("196.11.240.215"));
        assertEquals(List.of("196.11.239.0 - 196.11.246.255"), a.noAbuseContact());
        assertTrue(a.abuseNotices().isEmpty());
        assertEquals(List.of("abuse@mtnbusiness.co.za"), a.mostSpecific().orElseThrow().textEmails().stream().map(TextEmail::email).toList());
    }

    @Test
    void abuseMailboxValidationFailureMarksTheAddressSuspect() throws Exception {
        String answer = Recorded.ipwhois("62.239.237.1").replace("% Abuse contact for '62.239.237.0 - 62.239.237.255' is 'protect@bt.com'",
                "% Abuse contact for '62.239.237.0 - 62.239.237.255' is 'protect@bt.com'\n"
                        + "% Abuse-mailbox validation failed. Please refer to ORG-BT2-RIPE for further information.");
        WhoisAnswer a = Recorded.answer("whois.ripe.net", "-c 62.239.237.1", answer);
        assertEquals(java.util.Set.of("protect@bt.com"), a.suspectMailboxes());
    }

    @Test
    void stubsReferOn() throws Exception {
        WhoisAnswer iana = Recorded.answer("whois.iana.org", "62.239.237.1", """
                % IANA WHOIS server
                % for more information on IANA, visit http://www.iana.org

                refer:        whois.ripe.net

                inetnum:      62.0.0.0 - 62.255.255.255
                organisation: RIPE NCC
                status:       ALLOCATED

                whois:        whois.ripe.net
                """);
        assertEquals(WhoisServer.of("whois.ripe.net"), iana.referral().server());

        WhoisAnswer ripeStub = Recorded.answer("whois.ripe.net", "-c 6.1.2.3", """
                % Information related to '6.0.0.0 - 13.115.255.255'

                % No abuse contact registered for 6.0.0.0 - 13.115.255.255

                inetnum:        6.0.0.0 - 13.115.255.255
                netname:        NON-RIPE-NCC-MANAGED-ADDRESS-BLOCK
                descr:          IPv4 address block not managed by the RIPE NCC
                source:         RIPE
                """);
        assertEquals(Registry.IANA.whoisServer(), ripeStub.referral().server());

        WhoisAnswer apnicStub = Recorded.answer("whois.apnic.net", "-c 27.0.0.1", """
                inetnum:        27.0.0.0 - 27.0.255.255
                netname:        ERX-NETBLOCK
                descr:          Transferred to the ARIN region on 2010-03-01.
                country:        AU
                source:         APNIC
                """);
        assertEquals(Registry.ARIN.whoisServer(), apnicStub.referral().server());
    }

    @Test
    void linesThatAreNotRpslAreSkippedWithAWarning() throws Exception {
        WhoisAnswer a = Recorded.answer("whois.ripe.net", "-c 62.239.237.1", "this is not RPSL\n\n" + Recorded.ipwhois("62.239.237.1"));
        assertEquals(1, a.networks().size());
        assertTrue(a.warnings().get(0).contains("line 1"), a.warnings().toString());
    }

    @Test
    void emptyAndNotFoundAnswers() throws Exception {
        assertTrue(Recorded.answer("whois.ripe.net", "-c 192.0.2.1", "%ERROR:101: no entries found\n").notFound());
        assertTrue(Recorded.answer("whois.arin.net", "n + 192.0.2.1", "No match found for n + 192.0.2.1.\n").notFound());
    }

    @Test
    void domainRegistryAnswerRefersToTheRegistrar() throws Exception {
        WhoisAnswer a = Recorded.answer("whois.verisign-grs.com", "simonecarletti.com",
                Recorded.file("weppos-whois/referrals/crsnic.com_referral.txt"));
        assertEquals(WhoisServer.of("whois.enom.com"), a.referral().server());
        assertEquals("simonecarletti.com", a.mostSpecific().orElseThrow().key());
    }
}
