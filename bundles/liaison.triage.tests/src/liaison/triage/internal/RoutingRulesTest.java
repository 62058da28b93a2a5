package liaison.triage.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import liaison.api.model.CandidateFlag;
import liaison.api.model.ContactCandidate;
import liaison.api.model.DomainName;
import liaison.api.model.IpAddress;
import liaison.api.model.Role;
import liaison.api.triage.Indicator;
import liaison.api.triage.Observation;

/** The rules routing applies before and after the resolver: who is reportable, who is usable, which incident type. */
class RoutingRulesTest {

    @Test
    void privateAndSpecialUseAddressesAreNotReported() {
        for (String a : List.of("10.20.0.5", "172.16.3.4", "192.168.1.1", "127.0.0.1", "169.254.1.1", "100.64.0.9", "224.0.0.1", "::1",
                "fe80::1", "fd00::7", "0.0.0.0")) {
            assertTrue(RoutingService.specialUse(IpAddress.parse(a)), a);
        }
        for (String a : List.of("192.0.2.10", "198.51.100.150", "203.0.113.45", "2001:db8:1000::25", "100.128.0.1", "8.8.8.8")) {
            assertFalse(RoutingService.specialUse(IpAddress.parse(a)), a);
        }
    }

    @Test
    void aUrlIsReportedThroughItsHostAndAnEmailAddressNotAtAll() {
        assertEquals(DomainName.of("bank-verify.example"),
                RoutingService.resource(new Indicator(Indicator.Kind.URL, "http://bank-verify.example/secure/login.php", Indicator.Role.SOURCE)));
        assertEquals(IpAddress.parse("192.0.2.7"),
                RoutingService.resource(new Indicator(Indicator.Kind.URL, "http://192.0.2.7:8080/x", Indicator.Role.SOURCE)));
        assertNull(RoutingService.resource(new Indicator(Indicator.Kind.EMAIL, "abuse@example.net", Indicator.Role.SOURCE)));
    }

    @Test
    void theRegistrysOwnStaffAndPlaceholdersAreNobodyToTell() {
        ContactCandidate staff = candidate("hostmaster@registry.example", 0.1, EnumSet.of(CandidateFlag.REGISTRY_CONTACT));
        ContactCandidate placeholder = candidate("unread@registry.example", 0.4, EnumSet.of(CandidateFlag.PLACEHOLDER_ADDRESS));
        ContactCandidate phoneOnly = new ContactCandidate(Role.ADMIN, "LGH1", List.of(), "+373 22 555 010", "whois", List.of("person"), null,
                0.4, Set.of());
        ContactCandidate remarks = candidate("abuse-desk@savanna-sim.example", 0.25, EnumSet.of(CandidateFlag.FROM_REMARKS));
        assertTrue(RoutingService.usable(List.of(staff, placeholder, phoneOnly)).isEmpty());
        assertEquals(remarks, RoutingService.usable(List.of(staff, phoneOnly, remarks)).orElseThrow(),
                "an abuse address found only in remarks is still someone to tell");
    }

    @Test
    void incidentTypeFollowsTheLogFormatAndIntelMqEventsKeepTheirOwn() {
        assertArrayEquals(new String[] { "intrusion-attempts", "brute-force" }, RoutingService.type(observation("syslog", "sshd: Failed password")));
        assertArrayEquals(new String[] { "information-gathering", "scanner" }, RoutingService.type(observation("iptables", "SRC=192.0.2.1")));
        assertArrayEquals(new String[] { "fraud", "phishing" }, RoutingService.type(observation("intelmq",
                "{\"source.fqdn\": \"bank-verify.example\", \"classification.taxonomy\": \"fraud\", \"classification.type\": \"phishing\"}")));
        assertArrayEquals(new String[] { "other", "undetermined" }, RoutingService.type(observation("intelmq", "{\"source.ip\": \"192.0.2.1\"}")));
    }

    private static ContactCandidate candidate(String email, double confidence, Set<CandidateFlag> flags) {
        return new ContactCandidate(Role.ABUSE, null, List.of(email), null, "whois", List.of("inetnum"), null, confidence, flags);
    }

    private static Observation observation(String format, String line) {
        return new Observation("log", 1, line, OffsetDateTime.parse("2026-11-20T10:00:00+01:00"), true, format, List.of());
    }
}
