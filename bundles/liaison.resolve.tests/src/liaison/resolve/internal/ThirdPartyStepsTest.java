package liaison.resolve.internal;

import static liaison.resolve.internal.Fixture.best;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import liaison.api.model.ContactCandidate;
import liaison.api.model.Resource;
import liaison.api.resolve.ResolutionContext;
import liaison.api.resolve.ResolverStep;
import liaison.resolve.LookupOptions;
import liaison.resolve.Resolution;
import liaison.resolve.Via;

/** A team's resolver steps that throw, cannot say what they support, or hang: the lookup still answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThirdPartyStepsTest {

    @TempDir
    static Path workspace;
    private Fixture fixture;
    private List<ServiceRegistration<ResolverStep>> registered;

    /** A step with a bug in one of its methods. */
    private static ResolverStep step(String id, boolean supportsFails, long sleepMillis) {
        return new ResolverStep() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public boolean supports(Resource resource) {
                if (supportsFails) {
                    throw new NoClassDefFoundError("org/example/Cmdb");
                }
                return true;
            }

            @Override
            public List<ContactCandidate> resolve(Resource resource, ResolutionContext context) {
                if (sleepMillis > 0) {
                    try {
                        Thread.sleep(sleepMillis);
                    } catch (InterruptedException e) {
                        return List.of();
                    }
                }
                throw new IllegalStateException("the CMDB answered nonsense");
            }
        };
    }

    @BeforeAll
    void start() throws Exception {
        fixture = new Fixture(workspace, "rate=unlimited retries=0");
        BundleContext bc = FrameworkUtil.getBundle(ThirdPartyStepsTest.class).getBundleContext();
        registered = List.of(bc.registerService(ResolverStep.class, step("buggy", false, 0), null),
                bc.registerService(ResolverStep.class, step("picky", true, 0), null),
                bc.registerService(ResolverStep.class, step("slow", false, 60_000), null));
    }

    @AfterAll
    void stop() throws Exception {
        registered.forEach(ServiceRegistration::unregister);
        fixture.close();
    }

    @Test
    void brokenStepsAreRecordedWithTheirBundleAndTheRegistriesStillAnswer() {
        LookupOptions o = fixture.options(Via.WHOIS);
        LookupOptions quick = new LookupOptions(o.via(), o.offline(), o.endpoints(), o.bootstrapDir(), Duration.ofSeconds(2), null);
        long start = System.nanoTime();
        Resolution r = fixture.resolver.resolve(Resource.parse("62.239.237.1"), quick);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "the hanging step is abandoned at the deadline");
        assertEquals("protect@bt.com", best(r).email(), "the built-in steps' answer stands");
        List<String> problems = r.problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("resolver step 'buggy' for 62.239.237.1 failed in bundle liaison.resolve ")
                && p.endsWith("IllegalStateException: the CMDB answered nonsense")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("a resolver step of bundle liaison.resolve ")
                && p.contains("failed to say whether it supports 62.239.237.1: java.lang.NoClassDefFoundError")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("resolver step 'slow' for 62.239.237.1 did not finish within")),
                problems.toString());
    }
}
