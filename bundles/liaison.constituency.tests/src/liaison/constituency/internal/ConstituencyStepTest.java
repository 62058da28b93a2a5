package liaison.constituency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liaison.api.model.ContactCandidate;
import liaison.api.model.IpAddress;
import liaison.api.model.Role;
import liaison.api.resolve.ResolutionContext;
import liaison.constituency.ConstituencyService;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadProgress;

/** The resolver step over the workspace's index: irt, abuse mailbox and teams as contact candidates, offline. */
class ConstituencyStepTest {

    @TempDir
    Path tmp;

    static final ResolutionContext OFFLINE = new ResolutionContext() {
        @Override
        public boolean offline() {
            return true;
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void recordQuery(String server, String query) {
            throw new AssertionError("the constituency step never queries a server: " + server);
        }
    };

    @Test
    void candidatesFromTheWorkspaceIndex() throws Exception {
        ConstituencyStep step = new ConstituencyStep();
        step.workspace = () -> tmp;
        assertTrue(step.resolve(IpAddress.parse("192.0.2.70"), OFFLINE).isEmpty(), "no index loaded yet: nothing to say");

        ConstituencyComponent service = new ConstituencyComponent();
        Path index = tmp.resolve(ConstituencyService.WORKSPACE_DIRECTORY);
        service.load(index, List.of(Files.writeString(tmp.resolve("world.db"), CraftedHierarchyTest.WORLD)), LoadOptions.STRICT,
                LoadProgress.NONE);
        service.loadTeams(index, TeamClaimsTest.directory(), LoadProgress.NONE);

        List<ContactCandidate> found = step.resolve(IpAddress.parse("192.0.2.70"), OFFLINE);
        ContactCandidate irt = found.stream().filter(c -> c.role() == Role.IRT).findFirst().orElseThrow();
        assertEquals("IRT-INNER", irt.name());
        assertEquals(List.of("inner@irt.example"), irt.emails());
        assertEquals(List.of("inetnum 192.0.2.64 - 192.0.2.99", "mnt-irt IRT-INNER", "irt IRT-INNER"), irt.path());
        ContactCandidate abuse = found.stream().filter(c -> c.role() == Role.ABUSE).findFirst().orElseThrow();
        assertEquals(List.of("own@abuse.example"), abuse.emails());
        ContactCandidate team = found.stream().filter(c -> c.role() == Role.DIRECTORY).findFirst().orElseThrow();
        assertEquals("CERT-A", team.name());
        assertEquals(List.of("cert@a.example"), team.emails());
        ContactCandidate national = found.stream().filter(c -> c.role() == Role.NATIONAL_CSIRT).findFirst().orElseThrow();
        assertEquals("CERT-B", national.name(), "the address is in DE by its registry object");
        assertTrue(irt.confidence() > abuse.confidence() && abuse.confidence() > national.confidence());

        List<ContactCandidate> inherited = step.resolve(IpAddress.parse("192.0.2.200"), OFFLINE);
        ContactCandidate outer = inherited.stream().filter(c -> c.role() == Role.IRT).findFirst().orElseThrow();
        assertEquals("IRT-OUTER", outer.name());
        assertEquals(List.of("abuse@outer.example"), outer.emails());
        assertEquals("mnt-irt of a less specific object", outer.path().get(1));
    }
}
