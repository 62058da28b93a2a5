package liaison.rdap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import liaison.api.InputException;
import liaison.api.model.Resource;

/** The IANA bootstrap: the shipped snapshot, other recorded snapshots, and malformed files. */
class RdapBootstrapTest {

    private static Optional<String> host(RdapBootstrap b, String resource) {
        return b.baseFor(Resource.parse(resource)).map(URI::toString);
    }

    @Test
    void shippedSnapshotNamesEachRegistry() {
        RdapBootstrap b = RdapBootstrap.bundled();
        assertEquals(Optional.of("https://rdap.db.ripe.net/"), host(b, "62.239.237.1"));
        assertEquals(Optional.of("https://rdap.arin.net/registry/"), host(b, "74.125.225.229"), "https is preferred");
        assertEquals(Optional.of("https://rdap.apnic.net/"), host(b, "210.107.73.73"));
        assertEquals(Optional.of("https://rdap.lacnic.net/rdap/"), host(b, "2801:10:c000::"));
        assertEquals(Optional.of("https://rdap.afrinic.net/rdap/"), host(b, "2001:43f8:7b0::"));
        assertEquals(Optional.of("https://rdap.arin.net/registry/"), host(b, "AS2914"));
        assertEquals(Optional.of("https://rdap.db.ripe.net/"), host(b, "AS3333"));
        assertEquals(Optional.of("https://rdap.verisign.com/com/v1/"), host(b, "www.google.com"));
        assertEquals(Optional.of("https://rdap.arin.net/registry/"), b.baseForEntity("ZG39-ARIN").map(URI::toString));
        assertEquals(Optional.empty(), host(b, "10.0.0.1"), "private space has no registry");
        assertEquals("2025-06-27T17:00:02Z", b.publications().get("dns.json"));
    }

    @Test
    void longestMatchForNestedDomainEntries() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : RdapBootstrap.FILES) {
            files.put(name, Corpus.read("openrdap/test/testdata/bootstrap/" + name));
        }
        files.put("dns.json", Corpus.read("openrdap/test/testdata/bootstrap_complex/dns.json"));
        RdapBootstrap b = RdapBootstrap.read("complex", files);
        assertEquals(Optional.of("https://example.com/sub/"), host(b, "a.sub.example.com"));
        assertEquals(Optional.of("https://example.com/"), host(b, "example.com"));
        assertEquals(Optional.of("https://example.root/"), host(b, "example.net"), "the root entry catches the rest");
    }

    @Test
    void malformedFilesAreRefusedNamingTheFile() throws Exception {
        for (String bad : new String[] { "dns_bad_services.json", "dns_bad_url.json", "dns_empty.json", "dns_syntax_error.json" }) {
            Map<String, String> files = new LinkedHashMap<>();
            for (String name : RdapBootstrap.FILES) {
                files.put(name, Corpus.read("openrdap/test/testdata/bootstrap/" + name));
            }
            files.put("dns.json", Corpus.read("openrdap/test/testdata/bootstrap_malformed/" + bad));
            InputException e = assertThrows(InputException.class, () -> RdapBootstrap.read("openrdap", files), bad);
            assertEquals("openrdap/dns.json", e.input(), bad);
        }
    }

    @Test
    void aDirectoryWithAMissingFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ipv4.json"), Corpus.read("openrdap/test/testdata/bootstrap/ipv4.json"));
        InputException e = assertThrows(InputException.class, () -> RdapBootstrap.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("ipv6.json") + ": missing"), e.getMessage());
    }
}
