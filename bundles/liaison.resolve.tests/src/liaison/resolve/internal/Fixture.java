package liaison.resolve.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import liaison.api.InputException;
import liaison.api.model.ContactCandidate;
import liaison.api.model.Resource;
import liaison.replay.RecordedCorpus;
import liaison.resolve.Endpoints;
import liaison.resolve.LookupOptions;
import liaison.resolve.Resolution;
import liaison.resolve.Resolver;
import liaison.resolve.Via;
import liaison.store.Workspaces;

/**
 * The resolver as the product runs it (DS services in OSGi, a workspace on disk) against replay
 * servers answering with the corpus' recorded registry answers, reached through an endpoints file.
 */
final class Fixture implements AutoCloseable {

    final RecordedCorpus corpus;
    final Resolver resolver;
    final Path workspace;
    private Endpoints endpoints;

    Fixture(Path workspace, String politeness) throws Exception {
        this.workspace = workspace;
        corpus = RecordedCorpus.start(Path.of(System.getProperty("liaison.corpus")));
        BundleContext bc = FrameworkUtil.getBundle(Fixture.class).getBundleContext();
        Workspaces.select(bc, workspace, Duration.ofSeconds(20));
        resolver = Workspaces.await(bc, Resolver.class, workspace.toAbsolutePath().normalize().toString(), Duration.ofSeconds(20));
        endpoints(politeness, "");
    }

    /** Writes the endpoints file of the replays, plus extra lines, and uses it. */
    Path endpoints(String politeness, String extra) throws IOException, InputException {
        Path file = workspace.resolve("endpoints.conf");
        Files.writeString(file, corpus.endpoints(politeness) + extra);
        endpoints = Endpoints.load(file);
        return file;
    }

    LookupOptions options(Via via) {
        return new LookupOptions(via, false, endpoints, null, Duration.ofSeconds(30), null);
    }

    Resolution whois(String query) {
        return resolver.resolve(Resource.parse(query), options(Via.WHOIS));
    }

    Resolution rdap(String query) {
        return resolver.resolve(Resource.parse(query), options(Via.RDAP));
    }

    int whoisQueries() {
        return corpus.whoisQueries().values().stream().mapToInt(List::size).sum();
    }

    Map<String, List<String>> whoisQueriesByServer() {
        return corpus.whoisQueries();
    }

    static ContactCandidate best(Resolution r) {
        if (r.failed()) {
            throw new AssertionError(r.query() + " failed: " + r.error());
        }
        return r.best().orElseThrow(() -> new AssertionError(r.query() + ": no contact; chain " + r.chain() + " problems " + r.problems()));
    }

    @Override
    public void close() throws IOException {
        corpus.close();
    }
}
