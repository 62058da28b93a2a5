package liaison.resolve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import liaison.api.model.ContactCandidate;
import liaison.api.model.Resource;
import liaison.api.resolve.ContactResolver;
import liaison.resolve.ResolvePreferences;
import liaison.store.Workspaces;

/** The API service other bundles use (the report composer) follows the workspace's endpoints preference. */
class ContactResolverServiceTest {

    @TempDir
    static Path workspace;

    @Test
    void theApiServiceUsesTheEndpointsPreference() throws Exception {
        try (Fixture fixture = new Fixture(workspace, "rate=unlimited retries=0")) {
            ResolvePreferences.setEndpointsFile(workspace, fixture.endpoints("rate=unlimited retries=0", ""));
            ContactResolver resolver = Workspaces.await(FrameworkUtil.getBundle(getClass()).getBundleContext(), ContactResolver.class,
                    workspace.toAbsolutePath().normalize().toString(), Duration.ofSeconds(20));
            List<ContactCandidate> contacts = resolver.resolve(Resource.parse("62.239.237.1"));
            assertEquals("protect@bt.com", contacts.get(0).email());
            assertEquals(List.of("-c 62.239.237.1"), fixture.corpus.whois("whois.ripe.net").queries(), "asked the mapped server");
        }
    }
}
