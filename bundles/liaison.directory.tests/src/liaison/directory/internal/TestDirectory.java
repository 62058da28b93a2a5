package liaison.directory.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import liaison.api.resolve.ResolverStep;
import liaison.directory.DirectoryService;
import liaison.directory.TeamJson;
import liaison.resolve.ResolvePreferences;
import liaison.resolve.Resolver;
import liaison.store.Workspace;
import liaison.store.Workspaces;

/**
 * A workspace selected in this OSGi framework and its DS-wired directory service, held (not just
 * looked up) for the duration of a test so SCR keeps the component active.
 */
final class TestDirectory implements AutoCloseable {

    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    private final BundleContext bc = FrameworkUtil.getBundle(TestDirectory.class).getBundleContext();
    final DirectoryService service;
    final Path workspace;

    TestDirectory(Path workspace) throws Exception {
        this.workspace = workspace;
        Workspaces.select(bc, workspace, Duration.ofSeconds(30));
        // Live whois queries (the irt sources fill hidden addresses) go to a closed loopback port unless a test says otherwise.
        Path endpoints = Files.writeString(Files.createDirectories(workspace).resolve("no-registries.conf"),
                "whois.ripe.net = 127.0.0.1:9 rate=unlimited retries=0\n");
        ResolvePreferences.setEndpointsFile(workspace, endpoints);
        service(Resolver.class);
        service = service(DirectoryService.class);
    }

    /** A service configured for this workspace, held until {@link #close()}. */
    <T> T service(Class<T> type) throws Exception {
        return service(type, true);
    }

    /**
     * A service, held until {@link #close()}; {@code configured} ones carry this workspace's path,
     * others follow it through the services they reference.
     */
    <T> T service(Class<T> type, boolean configured) throws Exception {
        String filter = configured ? "(&(objectClass=" + type.getName() + ")(" + Workspace.PATH_PROPERTY + "="
                + workspace.toAbsolutePath().normalize() + "))" : "(objectClass=" + type.getName() + ")";
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bc, bc.createFilter(filter), null);
        tracker.open();
        trackers.add(tracker);
        T s = tracker.waitForService(30_000);
        if (s == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " for " + workspace);
        }
        return s;
    }

    /** A resolver step by id, held until {@link #close()}. */
    ResolverStep resolverStep(String id) throws Exception {
        ServiceTracker<ResolverStep, ResolverStep> tracker = new ServiceTracker<>(bc, ResolverStep.class, null);
        tracker.open();
        trackers.add(tracker);
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (ResolverStep s : tracker.getTracked().values()) {
                if (s.id().equals(id)) {
                    return s;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no resolver step '" + id + "'");
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }

    /** A file of the shared test corpus (system property {@code liaison.corpus}). */
    static Path corpus(String relative) {
        String root = System.getProperty("liaison.corpus");
        if (root == null) {
            throw new IllegalStateException("system property liaison.corpus is not set; the build sets it from -Dliaison.shared");
        }
        Path p = Path.of(root, relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("corpus file missing: " + p + " (build with -Dliaison.shared=DIR holding corpus/)");
        }
        return p;
    }

    static final String TI_SAMPLE = "intelmq/trusted_introducer_lookup/test_data/teams.json";
    static final String FIRST_EY = "first-teams-api/first_teams_ey.json";

    /**
     * The "newer TI file" of the acceptance test, derived from the corpus sample: ACN IBE CSIRT left,
     * CERT.at changed its address, and NEW-CERT joined.
     */
    static Path newerTiFile(Path dir) throws IOException {
        ArrayNode teams = (ArrayNode) TeamJson.mapper().readTree(corpus(TI_SAMPLE).toFile());
        ArrayNode newer = TeamJson.mapper().createArrayNode();
        for (JsonNode t : teams) {
            String name = t.path("short_name").asText();
            if (name.equals("ACN IBE CSIRT")) {
                continue;
            }
            if (name.equals("CERT.at")) {
                ((ObjectNode) t.path("emails").get(0)).put("address", "incidents@cert.at");
            }
            newer.add(t);
        }
        ObjectNode joiner = newer.addObject();
        joiner.put("short_name", "NEW-CERT");
        joiner.put("official_name", "A New Computer Emergency Response Team");
        joiner.putObject("country").put("code", "AT");
        joiner.putObject("classification").put("code", "l").put("name", "Listed").put("since", "2026-11-01");
        joiner.putArray("emails").addObject().put("address", "contact@new-cert.example").putArray("usage").add("contact");
        Path file = dir.resolve("teams-newer.json");
        TeamJson.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), newer);
        return file;
    }
}
