package liaison.directory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liaison.api.directory.DirectorySource.ProgressListener;
import liaison.directory.DirectoryTeam;
import liaison.directory.FeedPublisher;
import liaison.directory.Field;
import liaison.directory.SyncOutcome;
import liaison.directory.SyncResult;
import liaison.directory.TeamFilter;
import liaison.directory.nrtm4.Jws;

/**
 * Peer exchange between two workspaces: A publishes its directory as a signed feed served over
 * HTTP, B subscribes with A's public key, A changes and publishes again, B syncs the delta.
 */
class FeedRoundTripTest {

    @TempDir
    Path tmp;

    private FeedPublisher.Publication publishFromA(String... tiFile) throws Exception {
        try (TestDirectory a = new TestDirectory(tmp.resolve("a"))) {
            for (String file : tiFile) {
                a.service.importFrom("ti", file, false, ProgressListener.NONE);
            }
            if (tiFile.length > 0 && a.service.team("AEC").overrides().isEmpty()) {
                a.service.override("AEC", Field.EMAIL, "ops@energy-cert.example");
            }
            return a.service(FeedPublisher.class).publish(tmp.resolve("feed"), "CERT-A", new TeamFilter(null, null, null, false));
        }
    }

    private SyncOutcome syncB() throws Exception {
        try (TestDirectory b = new TestDirectory(tmp.resolve("b"))) {
            List<SyncOutcome> outcomes = b.service.sync(false, ProgressListener.NONE);
            assertEquals(1, outcomes.size());
            return outcomes.get(0);
        }
    }

    @Test
    void publishSubscribeAndSyncADelta() throws Exception {
        FeedPublisher.Publication first = publishFromA(TestDirectory.corpus(TestDirectory.TI_SAMPLE).toString());
        assertEquals(1, first.version());
        assertEquals(4, first.teams());
        Path feed = tmp.resolve("feed");
        assertTrue(Files.isRegularFile(feed.resolve(FeedPublisher.NOTIFICATION_FILE)));
        assertTrue(Files.readString(feed.resolve(FeedPublisher.PUBLIC_KEY_FILE)).startsWith("-----BEGIN PUBLIC KEY-----"));

        try (LocalHttp http = LocalHttp.serving(feed)) {
            URI url = http.uri("/" + FeedPublisher.NOTIFICATION_FILE);
            try (TestDirectory b = new TestDirectory(tmp.resolve("b"))) {
                b.service.addSource("feed", url.toString(), Files.readString(feed.resolve(FeedPublisher.PUBLIC_KEY_FILE)));
            }
            SyncOutcome one = syncB();
            assertTrue(one.ok(), one.error());
            SyncResult r = one.result();
            assertEquals("feed:CERT-A", r.sourceId());
            assertEquals(4, r.added(), r.summary());
            try (TestDirectory b = new TestDirectory(tmp.resolve("b"))) {
                DirectoryTeam aec = b.service.team("AEC");
                assertEquals(List.of("ops@energy-cert.example"), aec.emails(), "A's effective values, its override applied");
                assertEquals("feed:CERT-A", aec.origins(Field.EMAIL, "ops@energy-cert.example").get(0).source());
                assertEquals("AS679, AS760", Field.CONSTITUENCY_ASNS.text(b.service.team("ACOnet-CERT").team()));
                assertEquals("certified", aec.team().tiClassification());
            }

            FeedPublisher.Publication unchanged = publishFromA();
            assertEquals(1, unchanged.version(), "nothing changed: same version, fresh signature");
            assertEquals(List.of(FeedPublisher.PUBLIC_KEY_FILE, FeedPublisher.NOTIFICATION_FILE), unchanged.files());

            FeedPublisher.Publication second = publishFromA(TestDirectory.newerTiFile(tmp).toString());
            assertEquals(2, second.version());
            assertTrue(second.files().stream().anyMatch(f -> f.startsWith("nrtm-delta.2.CERT-A.")), second.files().toString());

            http.requests.clear();
            SyncOutcome two = syncB();
            assertTrue(two.ok(), two.error());
            assertEquals(1, two.result().added(), two.result().summary());
            assertEquals(1, two.result().changed(), two.result().summary());
            assertEquals(1, two.result().removed(), two.result().summary());
            assertEquals(2, http.requests.size(), "notification and delta only: " + http.requests);
            assertTrue(http.requests.get(1).getPath().startsWith("/nrtm-delta.2."), http.requests.toString());
            try (TestDirectory b = new TestDirectory(tmp.resolve("b"))) {
                assertEquals(List.of("incidents@cert.at"), b.service.team("CERT.at").emails());
                assertEquals(DirectoryTeam.Status.REMOVED, b.service.team("ACN IBE CSIRT").status());
                assertEquals(4, b.service.list(TeamFilter.ACTIVE).size());
            }

            // A feed signed by another key is refused and nothing is written.
            try (TestDirectory c = new TestDirectory(tmp.resolve("c"))) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                String otherKey = Jws.pem(g.generateKeyPair().getPublic());
                c.service.addSource("feed", url.toString(), otherKey);
                SyncOutcome refused = c.service.sync(false, ProgressListener.NONE).get(0);
                assertFalse(refused.ok());
                assertTrue(refused.error().contains("does not verify"), refused.error());
                assertTrue(c.service.list(TeamFilter.ALL).isEmpty());
            }
        }
    }
}
