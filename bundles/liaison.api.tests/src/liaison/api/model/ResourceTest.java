package liaison.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceTest {

    @Test
    void parsesEachKind() {
        assertEquals(new IpAddress(IpAddress.parse("192.0.2.1").address()), Resource.parse(" 192.0.2.1 "));
        assertEquals(Resource.Kind.IP, Resource.parse("2001:db8::1").kind());
        assertEquals("2001:db8::1", Resource.parse("[2001:DB8:0:0:0:0:0:1]").text(), "RFC 5952 text form");
        assertEquals("2001:db8:0:1:1:1:1:1", IpAddress.parse("2001:db8:0:1:1:1:1:1").text(), "a single zero group stays");
        assertEquals("2001:0:0:1::1", IpAddress.parse("2001:0:0:1:0:0:0:1").text(), "the longest zero run is compressed");
        assertEquals("::", IpAddress.parse("::").text());
        assertEquals("fe80::", IpAddress.parse("fe80:0:0:0:0:0:0:0").text());
        assertEquals(new Asn(3333), Resource.parse("AS3333"));
        assertEquals(new Asn(4200000000L), Resource.parse("as4200000000"));
        assertEquals(new DomainName("example.org"), Resource.parse("Example.ORG."));
        assertEquals(new DomainName("xn--bcher-kva.example"), Resource.parse("b\u00fccher.example"));
        assertEquals(new EmailAddress("Abuse@example.net"), Resource.parse("mailto:Abuse@EXAMPLE.net"));
    }

    @Test
    void rangesKeepTheirShape() {
        IpRange ripe = (IpRange) Resource.parse("193.0.0.0 - 193.0.7.255");
        assertEquals(21, ripe.prefixLength());
        assertEquals("193.0.0.0/21", ripe.text());
        IpRange odd = IpRange.parse("10.0.0.0 - 10.0.2.255");
        assertEquals(-1, odd.prefixLength(), "not CIDR-aligned");
        assertEquals("10.0.0.0 - 10.0.2.255", odd.text());
        assertEquals(BigInteger.valueOf(768), odd.size());
        assertTrue(odd.contains(IpAddress.parse("10.0.2.7")));
        assertFalse(odd.contains(IpAddress.parse("10.0.3.0")));
        IpRange v6 = IpRange.parse("2001:db8::/32");
        assertEquals(32, v6.prefixLength());
        assertTrue(v6.contains(IpAddress.parse("2001:db8:ffff::1")));
        assertFalse(v6.contains(IpAddress.parse("192.0.2.1")), "families never contain each other");
        assertEquals(IpRange.parse("0.0.0.0/0"), IpRange.parse("0.0.0.0 - 255.255.255.255"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "192.0.2.0/33", "192.0.2.1/24", "10.0.0.9 - 10.0.0.1", "256.1.1.1.1", "AS-", "bad..name",
            "192.0.2.0 - 2001:db8::1" })
    void rejectsNonsenseWithTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Resource.parse(text));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void neverAsksDns() {
        // A host name is a domain resource, not an address to resolve.
        assertEquals(Resource.Kind.DOMAIN, Resource.parse("localhost").kind());
        assertThrows(IllegalArgumentException.class, () -> IpAddress.parse("localhost"));
    }

    @Test
    void domainParentsAndRoleIds() {
        assertEquals(List.of("b.example.org", "example.org", "org"), new DomainName("a.b.example.org").parents());
        assertEquals("national-csirt", Role.NATIONAL_CSIRT.id());
        assertEquals(Role.REGISTRAR_ABUSE, Role.fromId("registrar-abuse"));
        assertEquals("emergency-phone", ChannelType.EMERGENCY_PHONE.id());
    }
}
