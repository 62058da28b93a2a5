package liaison.resolve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import liaison.api.model.CandidateFlag;
import liaison.api.model.ContactCandidate;
import liaison.api.model.Role;

/** The rules every source shares: staff addresses last, placeholders, suspect addresses, merging. */
class CandidatesTest {

    @Test
    void sharedRules() {
        Candidates c = new Candidates(Set.of("suspect@example.net"), false);
        c.add(Role.ABUSE, "H1", List.of("hostmaster@ripe.net"), null, "s", List.of("p"), null, 0.9, Set.of());
        c.add(Role.ABUSE, "H2", List.of("Suspect@Example.NET"), null, "s", List.of("p"), null, 0.9, Set.of());
        c.add(Role.TECHNICAL, "H3", List.of("noc@example.net"), null, "s", List.of("p"), null, 0.5, Set.of());
        c.add(Role.ABUSE, "H4", List.of("unread@ripe.net"), null, "s", List.of("p"), null, 0.9, Set.of());
        c.add(Role.TECHNICAL, "H5", List.of(), null, "s", List.of("p"), null, 0.5, Set.of());
        List<ContactCandidate> ranked = c.ranked();
        assertEquals(List.of("suspect@example.net", "noc@example.net", "hostmaster@ripe.net", "unread@ripe.net"),
                ranked.stream().map(ContactCandidate::email).toList(), "nobody without a way to reach them");
        assertEquals(0.54, ranked.get(0).confidence(), 1e-9);
        assertTrue(ranked.get(0).has(CandidateFlag.SUSPECT_ADDRESS));
        assertTrue(ranked.get(2).has(CandidateFlag.REGISTRY_CONTACT));
        assertEquals(Candidates.STAFF, ranked.get(2).confidence(), 1e-9);
        assertTrue(ranked.get(3).has(CandidateFlag.PLACEHOLDER_ADDRESS));
    }

    @Test
    void sameAddressKeepsTheBestCandidate() {
        Candidates c = new Candidates(Set.of(), true);
        c.add(Role.TECHNICAL, "T", List.of("ops@example.net"), null, "s", List.of("tech"), null, 0.5, Set.of());
        c.add(Role.ABUSE, "A", List.of("ops@example.net"), "+1 555", "s", List.of("abuse"), null, 0.9, Set.of());
        List<ContactCandidate> ranked = c.ranked();
        assertEquals(1, ranked.size());
        assertEquals(Role.ABUSE, ranked.get(0).role());
        assertTrue(ranked.get(0).has(CandidateFlag.CACHED));
    }
}
