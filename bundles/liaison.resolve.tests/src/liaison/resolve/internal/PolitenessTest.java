package liaison.resolve.internal;

import static liaison.resolve.internal.Fixture.best;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import liaison.api.model.Resource;
import liaison.resolve.Resolution;
import liaison.resolve.Via;

/** Without settings, a RIR whois server gets one connection and at most one query a second. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolitenessTest {

    @TempDir
    static Path workspace;
    private Fixture fixture;

    @BeforeAll
    void start() throws Exception {
        fixture = new Fixture(workspace, "");
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void defaultRateForRirWhois() {
        List<Resolution> r = fixture.resolver.resolveAll(List.of(Resource.parse("62.239.237.1"), Resource.parse("2a00:2381:ffff::1"),
                Resource.parse("203.0.113.1")), fixture.options(Via.WHOIS), x -> { });
        assertEquals("protect@bt.com", best(r.get(0)).email());
        List<Long> ripe = fixture.corpus.whois("whois.ripe.net").arrivals();
        assertEquals(2, ripe.size());
        assertTrue(ripe.get(1) - ripe.get(0) >= 900_000_000L, "a second apart: " + (ripe.get(1) - ripe.get(0)) / 1_000_000 + " ms");
    }
}
