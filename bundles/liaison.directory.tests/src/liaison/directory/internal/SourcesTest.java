package liaison.directory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import liaison.api.InputException;
import liaison.api.directory.DirectorySource.ProgressListener;
import liaison.api.model.CandidateFlag;
import liaison.directory.ConfiguredSource;
import liaison.directory.DirectoryService;
import liaison.directory.DirectoryTeam;
import liaison.directory.DirectoryTeam.Status;
import liaison.directory.Field;
import liaison.directory.SyncOutcome;
import liaison.directory.SyncResult;
import liaison.directory.TeamFilter;
import liaison.directory.TeamJson;
import liaison.directory.nrtm4.JsonSeq;
import liaison.directory.nrtm4.Jws;
import liaison.replay.Responders;
import liaison.replay.WhoisReplay;
import liaison.resolve.ResolvePreferences;
import liaison.directory.nrtm4.Nrtm4Client;

/** The RIPE irt, security.txt, FIRST-over-HTTP and NRTMv4 sources, through the directory as DS wires them. */
class SourcesTest {

    @TempDir
    Path tmp;

    private TestDirectory dir;
    private DirectoryService directory;

    @BeforeEach
    void open() throws Exception {
        dir = new TestDirectory(tmp.resolve("ws"));
        directory = dir.service;
    }

    @AfterEach
    void close() {
        dir.close();
    }

    private SyncResult importFile(String source, Path file) throws Exception {
        return directory.importFrom(source, file.toString(), false, ProgressListener.NONE);
    }

    /** A key-cert object holding the EY team's key from the FIRST sample. */
    private static String keyCert(String name) throws Exception {
        JsonNode first = TeamJson.mapper().readTree(TestDirectory.corpus(TestDirectory.FIRST_EY).toFile());
        String armored = first.path("data").get(1).path("pgp-key").asText();
        StringBuilder o = new StringBuilder("key-cert:       " + name + "\n");
        armored.lines().forEach(l -> o.append("certif:         ").append(l).append('\n'));
        return o.append("source:         RIPE\n").toString();
    }

    /**
     * Points the workspace's resolver at a RIPE whois replay on loopback (it answers {@code answer}
     * to every query), so a live irt query never leaves the machine.
     */
    private WhoisReplay ripeWhois(String answer) throws Exception {
        WhoisReplay ripe = new WhoisReplay("whois.ripe.net", Responders.bytes(answer.getBytes(StandardCharsets.UTF_8)));
        Path endpoints = Files.writeString(tmp.resolve("endpoints.conf"), ripe.endpointLine() + " rate=unlimited retries=0\n");
        ResolvePreferences.setEndpointsFile(dir.workspace, endpoints);
        return ripe;
    }

    @Test
    void ripeIrtObjects() throws Exception {
        WhoisReplay ripeWhois = ripeWhois("%ERROR:101: no entries found\n");
        SyncResult apnic = importFile("ripe-irt", TestDirectory.corpus("apnic-rdapd/rpsl/entity.db"));
        assertEquals(1, apnic.added(), "only the irt object of the file: " + apnic.summary());
        DirectoryTeam krnic = directory.team("IRT-KRNIC-KR");
        assertEquals(List.of("hostmaster@nic.or.kr"), krnic.emails());
        assertEquals("incident reports, abuse", krnic.team().channels().get(0).usage());
        assertEquals("Seocho-ro 398, Seocho-gu, Seoul, Korea", krnic.team().postalAddress());
        assertEquals("IRT-KRNIC-KR", krnic.team().irtObject());

        Path ripe = Files.writeString(tmp.resolve("ripe.db.irt"), """
                % a RIPE-style dump
                irt:            IRT-CERT-AT
                address:        Karlsplatz 1/2/9
                address:        1010 Vienna
                e-mail:         unread@ripe.net
                abuse-mailbox:  unread@ripe.net
                signature:      PGPKEY-3BD24F8D
                encryption:     PGPKEY-3BD24F8D
                auth:           # Filtered
                source:         RIPE # Filtered

                """ + keyCert("PGPKEY-3BD24F8D"));
        SyncResult r = importFile("ripe-irt", ripe);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("unread@ripe.net")), r.warnings().toString());
        DirectoryTeam cert = directory.team("IRT-CERT-AT");
        assertTrue(cert.emails().isEmpty(), "the placeholder is not an address to use");
        assertTrue(cert.flags(Field.EMAIL, "unread@ripe.net").contains(CandidateFlag.PLACEHOLDER_ADDRESS));
        assertEquals("328AC6BF734F3FAAE32E39DEABF73A5C3BD24F8D", cert.team().pgpKeys().get(0).fingerprint(), "from the key-cert");
        assertEquals(1, directory.list(TeamFilter.ACTIVE).size(), "the APNIC file is another read of ripe-irt: its team left");

        assertEquals(List.of("-r -B -T irt IRT-CERT-AT"), ripeWhois.queries(), "the hidden address was asked for, live");
        ripeWhois.close();

        Path broken = Files.writeString(tmp.resolve("broken.db"), "irt: IRT-X\nthis line is no attribute\n");
        InputException e = assertThrows(InputException.class, () -> importFile("ripe-irt", broken));
        assertEquals(2, e.line(), e.getMessage());
    }

    @Test
    void hiddenIrtAddressesAreFilledFromTheLiveObject() throws Exception {
        try (WhoisReplay ripeWhois = ripeWhois("""
                % This is the RIPE Database query service.

                irt:            IRT-CERT-AT
                address:        Karlsplatz 1/2/9
                e-mail:         team@cert.at.example
                abuse-mailbox:  reports@cert.at.example
                source:         RIPE

                """)) {
            Path dump = Files.writeString(tmp.resolve("ripe.db.irt"), """
                    irt:            IRT-CERT-AT
                    address:        Karlsplatz 1/2/9
                    e-mail:         unread@ripe.net
                    abuse-mailbox:  unread@ripe.net
                    source:         RIPE # Filtered
                    """);
            SyncResult r = importFile("ripe-irt", dump);
            assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("1 irt object(s) with unread@ripe.net were filled from a live whois")),
                    r.warnings().toString());
            DirectoryTeam cert = directory.team("IRT-CERT-AT");
            assertEquals(List.of("team@cert.at.example", "reports@cert.at.example"), cert.emails());
            assertTrue(cert.flags(Field.EMAIL, "team@cert.at.example").isEmpty(), "a real address is not flagged");
            assertEquals(List.of("-r -B -T irt IRT-CERT-AT"), ripeWhois.queries());
        }
    }

    @Test
    void anUnreachableRegistryLeavesThePlaceholderFlaggedAndSaysWhy() throws Exception {
        // TestDirectory points whois.ripe.net at a closed port.
        Path dump = Files.writeString(tmp.resolve("ripe.db.irt"), "irt: IRT-A\ne-mail: unread@ripe.net\nsource: RIPE\n\n"
                + "irt: IRT-B\ne-mail: unread@ripe.net\nsource: RIPE\n");
        SyncResult r = importFile("ripe-irt", dump);
        assertEquals(2, r.added(), r.summary());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("hidden irt addresses not filled from live whois: ")), r.warnings().toString());
        assertTrue(directory.team("IRT-A").flags(Field.EMAIL, "unread@ripe.net").contains(CandidateFlag.PLACEHOLDER_ADDRESS));
    }

    @Test
    void irtObjectJoinsTheTiTeamOfTheSameName() throws Exception {
        importFile("ti", TestDirectory.corpus(TestDirectory.TI_SAMPLE));
        Path irt = Files.writeString(tmp.resolve("irt.db"), "irt: IRT-CERT-AT\naddress: Vienna\ne-mail: team@cert.at\n"
                + "abuse-mailbox: abuse@cert.at\nsource: RIPE\n");
        SyncResult r = importFile("ripe-irt", irt);
        assertEquals(0, r.added(), r.summary());
        DirectoryTeam cert = directory.team("CERT.at");
        assertEquals(List.of("ti", "ripe-irt"), cert.sources());
        assertEquals("IRT-CERT-AT", cert.team().irtObject());
        assertEquals(List.of("team@cert.at", "abuse@cert.at"), cert.emails());
    }

    @Test
    void securityTxtHonoursExpires() throws Exception {
        SyncResult expired = importFile("securitytxt", TestDirectory.corpus("security-txt/cert-ar/security.txt"));
        assertEquals(0, expired.added(), "expired in 2021");
        assertTrue(expired.warnings().stream().anyMatch(w -> w.contains("RFC 5322 date")), expired.warnings().toString());
        assertTrue(expired.warnings().stream().anyMatch(w -> w.contains("expired on 2022-01-01T02:00:00Z")), expired.warnings().toString());

        String valid = """
                Contact: mailto:security@cert.example
                Contact: tel:+43-1-5056416
                Contact: https://cert.example/report
                Encryption: openpgp4fpr:0381BEF56694B5325BF04DDCA1DAC3EDFF4DFFB7
                Expires: %s
                Canonical: https://cert.example/.well-known/security.txt
                """;
        Path file = Files.writeString(tmp.resolve("security.txt"), valid.formatted("2099-12-31T23:00:00Z"));
        SyncResult r = importFile("securitytxt", file);
        assertEquals("securitytxt:cert.example", r.sourceId());
        DirectoryTeam team = directory.team("cert.example");
        assertEquals(List.of("security@cert.example"), team.emails());
        assertEquals(List.of("+43-1-5056416"), Field.PHONE.values(team.team()));
        assertEquals(List.of("https://cert.example/report"), Field.WEB_FORM.values(team.team()));
        assertEquals("0381BEF56694B5325BF04DDCA1DAC3EDFF4DFFB7", team.team().pgpKeys().get(0).fingerprint());
        assertEquals("https://cert.example/.well-known/security.txt", team.team().securityTxtUrl());

        Files.writeString(file, valid.formatted("2020-01-01T00:00:00Z"));
        SyncResult later = importFile("securitytxt", file);
        assertEquals(1, later.removed(), "the file expired: the team it alone listed is removed");
        assertEquals(Status.REMOVED, directory.team("cert.example").status());
    }

    @Test
    void securityTxtReadsLenientlyWithWarnings() throws Exception {
        SyncResult nukib = importFile("securitytxt", TestDirectory.corpus("security-txt/nukib/security.txt"));
        assertEquals(List.of("cert@nukib.cz"), directory.team("nukib.cz").emails());
        assertTrue(nukib.warnings().stream().anyMatch(w -> w.contains("OpenPGP-signed")), nukib.warnings().toString());
        assertTrue(nukib.warnings().stream().anyMatch(w -> w.contains("no Expires")), nukib.warnings().toString());

        SyncResult gov = importFile("securitytxt", TestDirectory.corpus("security-txt/alphagov/security.txt"));
        assertEquals("securitytxt:hackerone.com", gov.sourceId());
        assertTrue(gov.warnings().stream().anyMatch(w -> w.contains("Expires 'DATE_EXP' is not a date")), gov.warnings().toString());
        assertEquals(2, Field.WEB_FORM.values(directory.team("hackerone.com").team()).size());

        SyncResult template = importFile("securitytxt", TestDirectory.corpus("security-txt/template/security.txt"));
        assertTrue(template.warnings().stream().anyMatch(w -> w.contains("is not a URI")), template.warnings().toString());
        assertEquals(List.of("security@example.com"), directory.team("example.com").emails());

        Path none = Files.writeString(tmp.resolve("none.txt"), "# nothing\nPolicy: https://x.example/policy\n");
        assertTrue(assertThrows(InputException.class, () -> importFile("securitytxt", none)).getMessage().contains("no Contact"));
    }

    @Test
    void firstApiIsPagedWithLimitAndOffset() throws Exception {
        JsonNode sample = TeamJson.mapper().readTree(TestDirectory.corpus(TestDirectory.FIRST_EY).toFile());
        ArrayNode all = (ArrayNode) sample.path("data");
        try (LocalHttp api = LocalHttp.answering(uri -> {
            Map<String, Integer> q = new HashMap<>();
            for (String p : uri.getQuery().split("&")) {
                String[] kv = p.split("=");
                if (kv[0].equals("offset") || kv[0].equals("limit")) {
                    q.put(kv[0], Integer.parseInt(kv[1]));
                }
            }
            int offset = q.getOrDefault("offset", 0);
            int limit = q.getOrDefault("limit", 20);
            ObjectNode page = sample.deepCopy();
            ArrayNode data = page.putArray("data");
            for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
                data.add(all.get(i));
            }
            page.put("offset", offset).put("limit", limit);
            return page.toString().getBytes(StandardCharsets.UTF_8);
        })) {
            SyncResult r = directory.importFrom("first", api.uri("/data/v1/teams?q=EY&limit=4").toString(), false, ProgressListener.NONE);
            assertEquals(15, r.added(), r.summary());
            assertEquals(List.of(0, 4, 8, 12), api.requests.stream().map(u -> Integer.parseInt(u.getQuery()
                    .replaceAll(".*offset=(\\d+).*", "$1"))).toList());
            assertTrue(api.requests.stream().allMatch(u -> u.getQuery().contains("q=EY") && u.getQuery().contains("limit=4")));
        }
        assertNotNull(directory.team("EY CSIRT"));
    }

    @Test
    void nrtm4SourceMirrorsIrtObjectsIncrementally() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = g.generateKeyPair();
        Path site = Files.createDirectories(tmp.resolve("site"));
        String session = UUID.randomUUID().toString();
        String krnic = Files.readString(TestDirectory.corpus("apnic-rdapd/rpsl/entity.db")).split("\n\n")[2];
        String hidden = "irt:            IRT-EXAMPLE-RIPE\naddress:        Amsterdam\ne-mail:         unread@ripe.net\nsource:         RIPE\n";
        ObjectNode header = TeamJson.mapper().createObjectNode().put("nrtm_version", 4).put("type", "snapshot").put("source", "RIPE")
                .put("session_id", session).put("version", 1);
        byte[] snapshot = JsonSeq.write(List.of(header, obj(krnic), obj(hidden),
                obj("inetnum: 192.0.2.0 - 192.0.2.255\nmnt-irt: IRT-EXAMPLE-RIPE\nsource: RIPE\n")));
        Files.write(site.resolve("snapshot.1.json"), snapshot);
        ObjectNode unf = TeamJson.mapper().createObjectNode().put("nrtm_version", 4).put("timestamp", Instant.now().toString())
                .put("type", "notification").put("source", "RIPE").put("session_id", session).put("version", 1);
        unf.putObject("snapshot").put("version", 1).put("url", "snapshot.1.json").put("hash", Nrtm4Client.sha256(snapshot));
        unf.putArray("deltas");
        Files.writeString(site.resolve("update-notification-file.jose"), Jws.sign(unf.toString().getBytes(StandardCharsets.UTF_8),
                keys.getPrivate(), "k"));
        try (LocalHttp http = LocalHttp.serving(site)) {
            URI url = http.uri("/update-notification-file.jose");
            ConfiguredSource cs = directory.addSource("nrtm4", url.toString(), Jws.pem(keys.getPublic()));
            List<SyncOutcome> first = directory.sync(false, ProgressListener.NONE);
            assertTrue(first.get(0).ok(), first.get(0).error());
            assertEquals("nrtm4:RIPE", first.get(0).result().sourceId());
            assertEquals(2, first.get(0).result().added(), "two irt objects; the inetnum is not kept");
            assertTrue(first.get(0).result().warnings().stream().anyMatch(w -> w.contains("unread@ripe.net")));
            assertTrue(directory.team("IRT-EXAMPLE-RIPE").flags(Field.EMAIL, "unread@ripe.net").contains(CandidateFlag.PLACEHOLDER_ADDRESS));

            // Version 2: a delta deletes the KRNIC irt.
            ObjectNode dh = header.deepCopy().put("type", "delta").put("version", 2);
            byte[] delta = JsonSeq.write(List.of(dh, TeamJson.mapper().createObjectNode().put("action", "delete")
                    .put("object_class", "irt").put("primary_key", "IRT-KRNIC-KR")));
            Files.write(site.resolve("delta.2.json"), delta);
            unf.put("version", 2).put("timestamp", Instant.now().toString());
            unf.withArray("deltas").addObject().put("version", 2).put("url", "delta.2.json").put("hash", Nrtm4Client.sha256(delta));
            Files.writeString(site.resolve("update-notification-file.jose"), Jws.sign(unf.toString().getBytes(StandardCharsets.UTF_8),
                    keys.getPrivate(), "k"));
            http.requests.clear();
            List<SyncOutcome> second = directory.sync(false, ProgressListener.NONE);
            assertTrue(second.get(0).ok(), second.get(0).error());
            assertEquals(1, second.get(0).result().removed(), second.get(0).result().summary());
            assertEquals(List.of("/update-notification-file.jose", "/delta.2.json"),
                    http.requests.stream().map(URI::getPath).toList(), "only the delta is fetched: the mirror was kept");
            assertEquals(Status.REMOVED, directory.team("IRT-KRNIC-KR").status());
            assertTrue(directory.configuredSources().get(0).lastResult().startsWith("nrtm4:RIPE: 0 added, 0 changed, 1 removed"));
            assertEquals(cs.id(), directory.configuredSources().get(0).id());
        }
    }

    private static ObjectNode obj(String rpsl) {
        return TeamJson.mapper().createObjectNode().put("object", rpsl);
    }
}
