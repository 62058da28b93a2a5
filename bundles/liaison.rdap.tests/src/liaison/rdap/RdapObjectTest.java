package liaison.rdap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import liaison.api.InputException;
import liaison.api.model.IpRange;

/** RDAP objects as registries serve them. */
class RdapObjectTest {

    @Test
    void arinNetWithTheAbusePocUnderTheRegistrant() throws Exception {
        RdapObject o = RdapObject.parse("whoisit", Corpus.read("whoisit/data_rdap_response_ip_v4_3.json"));
        assertEquals("ip network", o.objectClassName());
        assertEquals(IpRange.parse("13.64.0.0 - 13.107.255.255"), o.range());
        RdapEntity registrant = o.entities().stream().filter(e -> e.roles().contains("registrant")).findFirst().orElseThrow();
        RdapEntity abuse = registrant.entities().stream().filter(e -> e.roles().contains("abuse")).findFirst().orElseThrow();
        assertEquals("MAC74-ARIN", abuse.handle());
        assertEquals(List.of("abuse@microsoft.com"), abuse.vcard().emails().stream().map(Jcard.Value::value).toList());
        assertTrue(o.notices().stream().anyMatch(n -> n.title().equals("Terms of Service")));
    }

    @Test
    void zeroPaddedAddressesAndAutnums() throws Exception {
        RdapObject google = RdapObject.parse("ipwhois", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Corpus.path("ipwhois/rdap.json").toFile()).path("74.125.225.229").path("response").toString());
        assertEquals(IpRange.parse("74.125.0.0/16"), google.range(), "ARIN writes 074.125.000.000");
        RdapObject as = RdapObject.parse("20c", Corpus.read("20c-rdap/data/rdap/autnum/2914.input"));
        assertEquals(2914L, as.asFirst());
        assertEquals("AS2914", as.key());
        assertNull(as.range());
    }

    @Test
    void brokenJsonNamesThePosition() {
        InputException e = assertThrows(InputException.class,
                () -> RdapObject.parse("https://rdap.example/ip/192.0.2.1", "{\"handle\": \"X\",\n \"entities\": [ }"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("https://rdap.example/ip/192.0.2.1:2:"), e.getMessage());
        assertThrows(InputException.class, () -> RdapObject.parse("empty", ""));
        assertThrows(InputException.class, () -> RdapObject.parse("array", "[]"));
    }

    @Test
    void aMalformedCardIsSkippedNotFatal() throws Exception {
        RdapObject o = RdapObject.parse("x", "{\"objectClassName\":\"ip network\",\"entities\":[{\"handle\":\"H1\",\"roles\":[\"abuse\"],"
                + "\"vcardArray\":[\"vcardX\",[]]}]}");
        assertNull(o.entities().get(0).vcard());
        assertEquals(1, o.warnings().size());
    }
}
