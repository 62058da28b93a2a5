package liaison.resolve.internal;

import static liaison.resolve.internal.Fixture.best;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import liaison.api.model.CandidateFlag;
import liaison.api.model.Resource;
import liaison.resolve.Endpoints;
import liaison.resolve.LookupOptions;
import liaison.resolve.Resolution;
import liaison.resolve.Via;

/** Bulk lookups: one query per network, registries in parallel, the cache in the workspace, --offline. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkCacheOfflineTest {

    @TempDir
    static Path workspace;
    private Fixture fixture;

    @BeforeAll
    void start() throws Exception {
        fixture = new Fixture(workspace, "rate=unlimited retries=0 connections=4");
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    @Order(1)
    void offlineWithAnEmptyCacheSendsNothing() {
        LookupOptions offline = new LookupOptions(Via.WHOIS, true, Endpoints.NONE, null, Duration.ofSeconds(10), null);
        Resolution r = fixture.resolver.resolve(Resource.parse("62.239.237.1"), offline);
        assertEquals("no cached whois answer covers 62.239.237.1 (offline: nothing is asked)", r.error());
        assertEquals(0, fixture.whoisQueries());
    }

    @Test
    @Order(2)
    void oneQueryPerNetworkAndResultsInInputOrder() {
        List<Resource> resources = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            resources.add(Resource.parse("62.239.237." + i));
        }
        for (int i = 229; i <= 239; i++) {
            resources.add(Resource.parse("74.125.225." + i));
        }
        resources.add(Resource.parse("200.57.141.161"));
        Collections.shuffle(resources, new java.util.Random(7));
        List<Resolution> seen = Collections.synchronizedList(new ArrayList<>());
        List<Resolution> results = fixture.resolver.resolveAll(resources, fixture.options(Via.WHOIS), seen::add);
        assertEquals(resources, results.stream().map(Resolution::query).toList());
        assertEquals(resources.size(), seen.size(), "each result handed over as it was done");
        List<String> ripe = fixture.whoisQueriesByServer().get("whois.ripe.net");
        assertEquals(1, ripe.size(), "neighbours wait for the first answer and take it from the cache: " + ripe);
        assertTrue(ripe.get(0).startsWith("-c 62.239.237."), ripe.toString());
        List<String> arin = fixture.whoisQueriesByServer().get("whois.arin.net");
        assertEquals(1, arin.size(), arin.toString());
        assertTrue(arin.get(0).startsWith("n + 74.125.225."), arin.toString());
        assertEquals(List.of("200.57.141.161"), fixture.whoisQueriesByServer().get("whois.lacnic.net"));
        assertTrue(results.stream().allMatch(r -> r.best().isPresent()), "everyone has a contact");
    }

    @Test
    @Order(3)
    void theCacheIsInTheWorkspaceAndServesOffline() {
        assertTrue(workspace.resolve("cache/resolve/answers.jsonl").toFile().length() > 0);
        LookupOptions offline = new LookupOptions(Via.WHOIS, true, Endpoints.NONE, null, Duration.ofSeconds(10), null);
        int before = fixture.whoisQueries();
        Resolution r = fixture.resolver.resolve(Resource.parse("62.239.237.250"), offline);
        assertEquals("protect@bt.com", best(r).email());
        assertTrue(best(r).has(CandidateFlag.CACHED));
        assertEquals(before, fixture.whoisQueries());
    }

    @Test
    @Order(4)
    void anAllocationIsCachedOnlyAroundTheAddress() {
        // GOOGLE is a Direct Allocation (74.125.0.0/16): the answer speaks for 74.125.225.0/24 only
        int before = fixture.whoisQueriesByServer().get("whois.arin.net").size();
        fixture.whois("74.125.226.1");
        assertEquals(before + 1, fixture.whoisQueriesByServer().get("whois.arin.net").size());
    }
}
