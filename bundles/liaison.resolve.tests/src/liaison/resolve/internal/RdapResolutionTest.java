package liaison.resolve.internal;

import static liaison.resolve.internal.Fixture.best;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.api.model.ContactCandidate;
import liaison.api.model.Role;
import liaison.resolve.Resolution;

/** The same questions over RDAP, from recorded RDAP answers: nested entities walked, irts recognised. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RdapResolutionTest {

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

    @Test
    void apnicIrtAsAbuseEntity() {
        ContactCandidate best = best(fixture.rdap("210.107.73.73"));
        assertEquals(Role.IRT, best.role());
        assertEquals("IRT-KRNIC-KR", best.name());
        assertEquals("hostmaster@nic.or.kr", best.email());
        assertEquals(1, best.emails().size(), "the card lists it twice");
    }

    @Test
    void arinAbuseUnderTheRegistrant() {
        Resolution r = fixture.rdap("74.125.225.229");
        ContactCandidate best = best(r);
        assertEquals(Role.ABUSE, best.role());
        assertEquals("arin-contact@google.com", best.email());
        assertEquals(List.of("ip network 74.125.0.0/16", "entity GOGL (registrant)", "entity ZG39-ARIN (abuse, administrative, technical)",
                "email"), best.path());
        assertEquals("arin", r.registry());
        assertEquals(List.of("https://rdap.arin.net/registry/ip/74.125.225.229"), r.chain().stream().map(e -> e.query()).toList());
        assertTrue(r.notices().stream().anyMatch(n -> n.contains("Terms of Service")), "notices kept");

        assertEquals("abuse@microsoft.com", best(fixture.rdap("13.64.0.1")).email(), "only nested under the registrant");
    }

    @Test
    void ripeLacnicAndApnicAbuseRoles() {
        assertEquals("BTCR3-RIPE", best(fixture.rdap("62.239.237.1")).name());
        assertEquals(Role.ABUSE, best(fixture.rdap("62.239.237.1")).role());
        assertEquals("operacion.redes@triara.com", best(fixture.rdap("200.57.141.161")).email());
        ContactCandidate apnicLabs = best(fixture.rdap("1.1.1.1"));
        assertEquals(Role.IRT, apnicLabs.role());
        assertEquals("helpdesk@apnic.net", apnicLabs.email());
    }

    @Test
    void afrinicRemarksOnly() {
        ContactCandidate best = best(fixture.rdap("196.11.240.215"));
        assertEquals("abuse@mtnbusiness.co.za", best.email());
        assertTrue(best.confidence() <= 0.3);
    }

    @Test
    void autnumsAndTheirExpectedAddresses() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path dir = Path.of(System.getProperty("liaison.corpus"), "20c-rdap/data/rdap/autnum");
        int checked = 0;
        try (DirectoryStream<Path> expected = Files.newDirectoryStream(dir, "*.expected")) {
            for (Path e : expected) {
                String asn = e.getFileName().toString().replace(".expected", "");
                JsonNode want = json.readTree(e.toFile());
                Resolution r = fixture.rdap("AS" + asn);
                if (r.failed() || r.chain().stream().anyMatch(x -> x.answer() == null)) {
                    continue; // recorded under a service the shipped bootstrap does not name for it (JPNIC, NIC.br)
                }
                Set<String> emails = r.contacts().stream().flatMap(c -> c.emails().stream()).collect(Collectors.toSet());
                // 20c lists every address of the object; the abuse ones must be offered, one of them first
                Set<String> abuse = new java.util.HashSet<>();
                for (JsonNode address : want.path("emails")) {
                    String a = address.asText().toLowerCase(java.util.Locale.ROOT);
                    if (a.startsWith("abuse@")) {
                        abuse.add(a);
                        assertTrue(emails.contains(a), "AS" + asn + ": " + a + " in " + emails);
                    }
                }
                // where the registry names an abuse contact, it comes first (an organisation's abuse@ is not guessed at)
                r.contacts().stream().filter(c -> c.role() == Role.ABUSE || c.role() == Role.IRT).findFirst()
                        .ifPresent(c -> assertEquals(r.contacts().get(0), c, "AS" + asn + ": the registry's abuse contact first"));
                if (!abuse.isEmpty() && (best(r).role() == Role.ABUSE || best(r).role() == Role.IRT)) {
                    assertTrue(abuse.contains(best(r).email()), "AS" + asn + ": " + best(r).email());
                }
                checked++;
            }
        }
        assertTrue(checked >= 8, "autnums checked: " + checked);
    }

    @Test
    void anAbuseEntityNamedOnlyByHandleIsFetched() throws Exception {
        fixture.corpus.rdap().add("""
                {"objectClassName": "ip network", "handle": "94.142.240.0 - 94.142.247.255", "startAddress": "94.142.240.0",
                 "endAddress": "94.142.247.255", "name": "COLOCLUE-NET", "country": "NL",
                 "entities": [{"objectClassName": "entity", "handle": "CLUE1-RIPE", "roles": ["abuse"]}]}
                """, "https://rdap.db.ripe.net/");
        fixture.corpus.rdap().add(Files.readString(Path.of(System.getProperty("liaison.corpus"),
                "20c-rdap/data/rdap/entity/CLUE1-RIPE.input")), null);
        Resolution r = fixture.rdap("94.142.241.1");
        assertEquals(List.of("https://rdap.db.ripe.net/ip/94.142.241.1", "https://rdap.db.ripe.net/entity/CLUE1-RIPE"),
                r.chain().stream().map(e -> e.query()).toList());
        assertEquals("ops@coloclue.net", best(r).email());
        assertEquals(Role.ABUSE, best(r).role());
        Resolution cached = fixture.rdap("94.142.241.2");
        assertEquals("ops@coloclue.net", best(cached).email(), "the fetched card is cached with the answer");
        assertTrue(cached.chain().stream().allMatch(e -> e.cached()));
    }

    @Test
    void registrarAbuseForADomain() {
        ContactCandidate best = best(fixture.rdap("google.com"));
        assertEquals(Role.REGISTRAR_ABUSE, best.role());
        assertEquals("abusecomplaints@markmonitor.com", best.email());
        assertTrue(best.pathText().contains("(registrar)"), best.pathText());
    }
}
