package liaison.directory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import liaison.api.InputException;
import liaison.api.directory.DirectorySource.ProgressListener;
import liaison.directory.TeamJson;
import liaison.directory.nrtm4.Jws;
import liaison.directory.nrtm4.Nrtm4Client;

/**
 * The NRTMv4 client on the petchells and RIPE test files: signatures, hashes, sessions, versions,
 * contiguous deltas applied all or nothing.
 */
class Nrtm4ClientTest {

    private static final String V2TO6 = "nrtm4tools-petchells/version2to6/";
    private static final String MOCK = "ripe-ncc-whois/nrtm4-mock/";
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @TempDir
    Path tmp;

    /** Keys RPSL objects by class and first value, every class kept: what the test files need. */
    private static final Nrtm4Client.ObjectKeys ALL_RPSL = new Nrtm4Client.ObjectKeys() {
        @Override
        public String keyOf(JsonNode object) {
            String first = object.asText().lines().findFirst().orElseThrow();
            int colon = first.indexOf(':');
            return keyOf(first.substring(0, colon), first.substring(colon + 1));
        }

        @Override
        public String keyOf(String objectClass, String primaryKey) {
            return objectClass.strip().toLowerCase(java.util.Locale.ROOT) + ":" + primaryKey.strip().toUpperCase(java.util.Locale.ROOT);
        }
    };

    private static Nrtm4Client client(Instant now) {
        return new Nrtm4Client(ALL_RPSL, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** A notification naming corpus files by absolute URL, with hashes computed here. */
    private static ObjectNode notification(String source, String session, long version, Instant timestamp, Path snapshot,
            long snapshotVersion, Map<Long, Path> deltas) throws Exception {
        ObjectNode n = TeamJson.mapper().createObjectNode();
        n.put("nrtm_version", 4).put("timestamp", timestamp.toString()).put("type", "notification").put("source", source)
                .put("session_id", session).put("version", version);
        n.putObject("snapshot").put("version", snapshotVersion).put("url", snapshot.toUri().toString()).put("hash", sha256(snapshot));
        ArrayNode list = n.putArray("deltas");
        for (Map.Entry<Long, Path> d : new java.util.TreeMap<>(deltas).entrySet()) {
            list.addObject().put("version", d.getKey()).put("url", d.getValue().toUri().toString()).put("hash", sha256(d.getValue()));
        }
        return n;
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void snapshotAndDeltasOfVersion2To4() throws Exception {
        Path unf = TestDirectory.corpus(V2TO6 + "unf_2-4.json");
        Nrtm4Client.Mirror m = client(NOW).update(unf.toUri(), null, tmp.resolve("state"), ProgressListener.NONE);
        assertEquals("TEST", m.source());
        assertEquals(4, m.version());
        assertTrue(m.updated());
        assertFalse(m.objects().containsKey("inet6num:2A00:2381:F8A6::/48"), "deleted by delta 3");
        assertTrue(m.objects().get("inetnum:5.134.117.150 - 5.134.117.150").asText().contains("country:        ES"), "added by delta 4");
        assertTrue(m.objects().containsKey("inetnum:217.5.170.168 - 217.5.170.175"), "deleted only in delta 5");
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("is not signed")), m.warnings().toString());
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("more than 24 hours old")), "2023 file is stale: " + m.warnings());
        assertTrue(Files.isRegularFile(tmp.resolve("state/mirror.json")));

        // The same notification again: nothing to do.
        Nrtm4Client.Mirror again = client(NOW).update(unf.toUri(), null, tmp.resolve("state"), ProgressListener.NONE);
        assertFalse(again.updated());
        assertEquals(m.objects(), again.objects());

        // unf_2-6 lists wrong hashes for deltas 3 and 4, but a mirror at 4 only needs 5 and 6.
        Nrtm4Client.Mirror six = client(NOW).update(TestDirectory.corpus(V2TO6 + "unf_2-6.json").toUri(), null, tmp.resolve("state"),
                ProgressListener.NONE);
        assertEquals(6, six.version());
        assertFalse(six.objects().containsKey("inetnum:217.5.170.168 - 217.5.170.175"), "deleted by delta 5");
        assertTrue(six.objects().get("inetnum:5.134.117.150 - 5.134.117.150").asText().contains("country:        NL"), "delta 6");
    }

    @Test
    void wrongHashFailsAndLeavesTheMirrorAlone() throws Exception {
        // From nothing, unf_2-6 needs delta 3, whose listed hash is wrong.
        InputException e = assertThrows(InputException.class, () -> client(NOW)
                .update(TestDirectory.corpus(V2TO6 + "unf_2-6.json").toUri(), null, tmp.resolve("state"), ProgressListener.NONE));
        assertTrue(e.input().endsWith("delta.003.TEST.jsonseq"), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256 is fc8b3562"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("state/mirror.json")), "nothing written");
    }

    @Test
    void deltasApplyAllOrNothing() throws Exception {
        Path dir = TestDirectory.corpus(V2TO6 + "unf_2-4.json").getParent();
        String session = "17db6715-18ae-410f-973e-47981b52f023";
        Path state = tmp.resolve("state");
        ObjectNode at2 = notification("TEST", session, 2, NOW, dir.resolve("snapshot.2.TEST.jsonseq.gz"), 2, Map.of());
        client(NOW).update(write("unf2.json", at2.toString()).toUri(), null, state, ProgressListener.NONE);
        String before = Files.readString(state.resolve("mirror.json"));

        ObjectNode bad = notification("TEST", session, 6, NOW, dir.resolve("snapshot.2.TEST.jsonseq.gz"), 2,
                Map.of(3L, dir.resolve("delta.003.TEST.jsonseq"), 4L, dir.resolve("delta.004.TEST.jsonseq"),
                        5L, dir.resolve("delta.005.TEST.jsonseq"), 6L, dir.resolve("delta.006.TEST.jsonseq")));
        ((ObjectNode) bad.path("deltas").get(2)).put("hash", "00".repeat(32));
        InputException e = assertThrows(InputException.class,
                () -> client(NOW).update(write("bad.json", bad.toString()).toUri(), null, state, ProgressListener.NONE));
        assertTrue(e.input().endsWith("delta.005.TEST.jsonseq"), e.getMessage());
        assertEquals(before, Files.readString(state.resolve("mirror.json")), "deltas 3 and 4 were not kept: all or nothing");

        ObjectNode gap = notification("TEST", session, 6, NOW, dir.resolve("snapshot.2.TEST.jsonseq.gz"), 2,
                Map.of(3L, dir.resolve("delta.003.TEST.jsonseq"), 5L, dir.resolve("delta.005.TEST.jsonseq"),
                        6L, dir.resolve("delta.006.TEST.jsonseq")));
        assertTrue(assertThrows(InputException.class,
                () -> client(NOW).update(write("gap.json", gap.toString()).toUri(), null, state, ProgressListener.NONE))
                .getMessage().contains("not contiguous: version 5 follows 3"));

        ObjectNode back = notification("TEST", session, 1, NOW, dir.resolve("snapshot.2.TEST.jsonseq.gz"), 1, Map.of());
        assertTrue(assertThrows(InputException.class,
                () -> client(NOW).update(write("back.json", back.toString()).toUri(), null, state, ProgressListener.NONE))
                .getMessage().contains("older than the mirror's 2"));
        assertEquals(before, Files.readString(state.resolve("mirror.json")));
    }

    @Test
    void newSessionReloadsTheSnapshotAndHeadersMustMatch() throws Exception {
        Path dir = TestDirectory.corpus(V2TO6 + "unf_2-4.json").getParent();
        Path state = tmp.resolve("state");
        client(NOW).update(TestDirectory.corpus(V2TO6 + "unf_2-4.json").toUri(), null, state, ProgressListener.NONE);
        // A notification of another session pointing at the same files: the snapshot's header names the old session.
        ObjectNode other = notification("TEST", "00000000-0000-4000-8000-000000000000", 2, NOW,
                dir.resolve("snapshot.2.TEST.jsonseq.gz"), 2, Map.of());
        InputException e = assertThrows(InputException.class,
                () -> client(NOW).update(write("other.json", other.toString()).toUri(), null, state, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("the header does not match the notification"), e.getMessage());
        assertTrue(e.getMessage().contains("session_id '17db6715"), e.getMessage());
    }

    @Test
    void ripeMockSnapshotAndDeltasSignedWithEs256() throws Exception {
        Path mock = TestDirectory.corpus(MOCK + "public.key").getParent();
        KeyPair keys = keyPair();
        ObjectNode n = notification("RIPE", "4521174b-548f-4e51-98fc-dfd720011a0c", 5, NOW.minusSeconds(60),
                mock.resolve("nrtm-snapshot.1.RIPE.json"), 1, Map.of(2L, mock.resolve("nrtm-delta.2.RIPE.json"),
                        3L, mock.resolve("nrtm-delta.3.RIPE.json"), 4L, mock.resolve("nrtm-delta.4.RIPE.json"),
                        5L, mock.resolve("nrtm-delta.5.RIPE.json")));
        Path jose = write("update-notification-file.jose", Jws.sign(n.toString().getBytes(StandardCharsets.UTF_8),
                keys.getPrivate(), "test"));
        Nrtm4Client.Mirror m = client(NOW).update(jose.toUri(), keys.getPublic(), null, ProgressListener.NONE);
        assertEquals(5, m.version());
        assertTrue(m.warnings().isEmpty(), "signed and fresh: " + m.warnings());
        assertNull(m.objects().get("domain:7.4.1.8.0.1.A.2.IP6.ARPA"), "deleted by delta 2");
        assertTrue(m.objects().containsKey("mntner:MHM3-MNT"), "added by delta 2");
        assertTrue(m.objects().get("route:176.240.50.0/24").asText().contains("SECOND DELTA DUMMY"), "modified by delta 3");
        assertTrue(m.objects().containsKey("aut-num:AS211871"), "deleted by delta 3, added again by delta 4");
        assertTrue(m.objects().containsKey("mntner:MHM-MNT"), "added 3, deleted 4, added 5");

        // Signed by someone else, or altered, or unsigned although a key is configured: refused.
        PublicKey stranger = keyPair().getPublic();
        assertTrue(assertThrows(InputException.class, () -> client(NOW).update(jose.toUri(), stranger, null, ProgressListener.NONE))
                .getMessage().contains("does not verify"));
        String[] parts = Files.readString(jose).split("\\.");
        String altered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(n.put("version", 4).toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Path forged = write("forged.jose", altered);
        assertTrue(assertThrows(InputException.class, () -> client(NOW).update(forged.toUri(), keys.getPublic(), null,
                ProgressListener.NONE)).getMessage().contains("does not verify"));
        Path plain = write("plain.json", n.toString());
        assertTrue(assertThrows(InputException.class, () -> client(NOW).update(plain.toUri(), keys.getPublic(), null,
                ProgressListener.NONE)).getMessage().contains("unsigned data is refused"));
        assertTrue(assertThrows(InputException.class, () -> client(NOW).update(jose.toUri(), null, null, ProgressListener.NONE))
                .getMessage().contains("configure the publisher's public key"));
    }

    @Test
    void corpusSignaturesDoNotVerifyWithTheMockKey() throws Exception {
        PublicKey ripeMock = Jws.publicKey(Files.readString(TestDirectory.corpus(MOCK + "public.key")));
        Path wrong = TestDirectory.corpus(MOCK + "nrtm-RIPE-wrong-signature.jose");
        InputException ed = assertThrows(InputException.class, () -> Jws.verify(wrong.toString(), Files.readString(wrong), ripeMock));
        assertTrue(ed.getMessage().contains("signed with 'Ed25519'"), ed.getMessage());
        Path real = TestDirectory.corpus("nrtm4tools-petchells/update-notification-file.jose");
        InputException es = assertThrows(InputException.class, () -> Jws.verify(real.toString(), Files.readString(real), ripeMock));
        assertTrue(es.getMessage().contains("does not verify with the configured key"), es.getMessage());
    }

    @Test
    void severalOperationsOnOneKeyInOneDelta() throws Exception {
        String session = "db44e038-1f07-4d54-a307-1b32339f141a";
        Path snapshot = write("snapshot.2.json", "\u001e{\"nrtm_version\":4,\"type\":\"snapshot\",\"source\":\"RIPE\",\"session_id\":\""
                + session + "\",\"version\":2}\n");
        ObjectNode n = notification("RIPE", session, 3, NOW, snapshot, 2,
                Map.of(3L, TestDirectory.corpus("nrtm4tools-petchells/nrtm-delta.multiple-ops-same-pk.jsonseq")));
        Nrtm4Client.Mirror m = client(NOW).update(write("unf.json", n.toString()).toUri(), null, null, ProgressListener.NONE);
        assertEquals(List.of("inetnum:5.134.117.150 - 5.134.117.150"), List.copyOf(m.objects().keySet()));
        assertTrue(m.objects().values().iterator().next().asText().contains("BBBNET"), "add, delete, add: the last one wins");
    }

    @Test
    void malformedRecordIsNamedByNumberAndLine() throws Exception {
        String session = "db44e038-1f07-4d54-a307-1b32339f141a";
        Path snapshot = write("snapshot.json", "\u001e{\"nrtm_version\":4,\"type\":\"snapshot\",\"source\":\"X\",\"session_id\":\""
                + session + "\",\"version\":1}\n\u001e{\"object\":\"irt: IRT-A\\n\"}\n\u001e{\"object\": broken}\n");
        ObjectNode n = notification("X", session, 1, NOW, snapshot, 1, Map.of());
        InputException e = assertThrows(InputException.class,
                () -> client(NOW).update(write("unf.json", n.toString()).toUri(), null, null, ProgressListener.NONE));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("record #3: malformed JSON"), e.getMessage());
    }
}
