package liaison.whois;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import liaison.api.model.Asn;
import liaison.api.model.IpAddress;
import liaison.api.model.IpRange;

/** Each registry's query syntax, servers and staff domains. */
class RegistryTest {

    @Test
    void queriesAsEachServerWantsThem() {
        IpAddress ip = IpAddress.parse("192.0.2.1");
        assertEquals("n + 192.0.2.1", Registry.ARIN.query(ip));
        assertEquals("a 3333", Registry.ARIN.query(new Asn(3333)));
        assertEquals("r + = 192.0.2.0/24", Registry.ARIN.query(IpRange.parse("192.0.2.0/24")));
        assertEquals("-c 192.0.2.1", Registry.RIPE.query(ip));
        assertEquals("-c 192.0.2.1", Registry.APNIC.query(ip));
        assertEquals("-c 192.0.2.1", Registry.AFRINIC.query(ip));
        assertEquals("AS3333", Registry.RIPE.query(new Asn(3333)));
        assertEquals("192.0.2.1", Registry.LACNIC.query(ip));
        assertEquals("192.0.2.1/e", Registry.JPNIC.query(ip));
        assertEquals("AS2497/e", Registry.JPNIC.query(new Asn(2497)));
        assertEquals("192.0.2.1", Registry.KRNIC.query(ip));
        assertEquals("2001:db8::1", Registry.RIPE.query(IpAddress.parse("2001:DB8:0:0::1")).substring(3), "RFC 5952 form");
    }

    @Test
    void serversAndNames() {
        assertEquals(Registry.KRNIC, Registry.ofHost("whois.nic.or.kr"));
        assertEquals(Registry.KRNIC, Registry.ofHost("WHOIS.KRNIC.NET"));
        assertEquals(Registry.OTHER, Registry.ofHost("whois.example.net"));
        assertEquals(Registry.LACNIC, Registry.ofRdapHost("rdap.lacnic.net"));
        assertEquals(Registry.AFRINIC, Registry.ofName("AfriNIC"));
        assertEquals(Registry.RIPE, Registry.ofName("RIPE NCC"));
        assertTrue(Registry.isStaffAddress("hostmaster@nic.ad.jp"));
        assertTrue(Registry.isStaffAddress("search-apnic-not-arin@apnic.net"));
        assertFalse(Registry.isStaffAddress("abuse@bt.com"));
    }

    @Test
    void serverNamesInReferrals() {
        assertEquals(new WhoisServer("rwhois.gigenet.com", 4321, true), WhoisServer.parse("rwhois://rwhois.gigenet.com:4321"));
        assertEquals(WhoisServer.of("whois.ripe.net"), WhoisServer.parse("whois://whois.ripe.net:43"));
        assertEquals(new WhoisServer("whois.example.net", 4343, false), WhoisServer.parse("whois.example.net:4343"));
        assertEquals("rwhois://rwhois.gigenet.com:4321", WhoisServer.parse("rwhois://rwhois.gigenet.com:4321").toString());
    }
}
