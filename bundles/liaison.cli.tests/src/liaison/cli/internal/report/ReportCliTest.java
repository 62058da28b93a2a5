package liaison.cli.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import liaison.cli.internal.Cli;

/** {@code liaison pgp} and {@code liaison report} end to end: real store, real gpg, GreenMail for SMTP and IMAP. */
class ReportCliTest {

    static final String EVENTS = """
            {"time.source": "2026-11-20T10:15:02+01:00", "source.ip": "192.0.2.10", "source.port": 51022, "destination.ip": "198.51.100.5", "destination.port": 22, "protocol.transport": "tcp", "classification.taxonomy": "intrusion-attempts", "classification.type": "brute-force", "source.abuse_contact": "abuse@net-a.example", "raw": "c3NoZDogRmFpbGVkIHBhc3N3b3JkIGZvciByb290IGZyb20gMTkyLjAuMi4xMA=="}
            {"time.source": "2026-11-20T09:00:00+00:00", "source.ip": "203.0.113.7", "source.port": 44000, "protocol.transport": "tcp", "classification.taxonomy": "information-gathering", "classification.type": "scanner", "source.abuse_contact": "abuse@net-b.example, soc@net-b.example", "raw": "U1lOIHNjYW4="}
            """;

    @TempDir
    Path dir;

    GreenMail mail;

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data", dir.resolve("ws").toString()));
        all.addAll(List.of(args));
        int code = new Cli(FrameworkUtil.getBundle(ReportCliTest.class).getBundleContext(), new PrintWriter(out, true),
                new PrintWriter(err, true)).run(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void startMail() {
        Thread.currentThread().setContextClassLoader(org.eclipse.angus.mail.util.MailStreamProvider.class.getClassLoader());
        mail = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("cert@csirt.example.org", "cert", "s3cret"));
        mail.start();
    }

    @AfterEach
    void stopMail() {
        mail.stop();
    }

    @Test
    void generateComposeSendAndTrackReplies() throws Exception {
        Result generated = run("--json", "pgp", "generate", "--name", "CERT-Test", "--email", "cert@csirt.example.org", "--no-passphrase");
        assertEquals(0, generated.code(), generated.err());
        JsonNode key = json(generated.out()).get(0);
        assertEquals("cert@csirt.example.org", key.get("email").asText());
        assertTrue(key.get("secret").asBoolean() && !key.get("passphraseProtected").asBoolean(), key.toString());
        Result again = run("pgp", "generate", "--name", "X", "--email", "x@csirt.example.org", "--no-passphrase");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());

        Result exported = run("pgp", "export", "--public");
        assertEquals(0, exported.code(), exported.err());
        assertTrue(exported.out().startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----"), exported.out());
        Path gnupg = Files.createDirectories(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertEquals(0, gpg(gnupg, "--import", Files.writeString(dir.resolve("pub.asc"), exported.out()).toString()).code());

        Path events = Files.writeString(dir.resolve("events.jsonl"), EVENTS);
        Path out = dir.resolve("out");
        Result composed = run("report", "compose", "--events", events.toString(), "--format", "iodef", "--sign", "--out", out.toString());
        assertEquals(0, composed.code(), composed.err());
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        assertEquals(2, files.size(), composed.out());
        for (Path eml : files) {
            assertTrue(eml.getFileName().toString().matches("LIA-\\d{8}-[0-9A-Z]{6}\\.eml"), eml.toString());
            Result verified = verify(gnupg, Files.readAllBytes(eml), eml);
            assertEquals(0, verified.code(), verified.out());
        }
        Result none = run("report", "status", "--json");
        assertEquals("", none.out(), "--out queues nothing");

        Result queued = run("--json", "report", "compose", "--events", events.toString(), "--format", "text", "--sign", "--csv");
        assertEquals(0, queued.code(), queued.err());
        List<JsonNode> reports = json(queued.out());
        assertEquals(2, reports.size());
        assertEquals("outbox", reports.get(0).get("queued").asText());
        assertEquals(0, reports.get(0).get("findings").size(), reports.get(0).toString());

        Result noServer = run("report", "send");
        assertEquals(1, noServer.code());
        Result sent = run("report", "send", "--smtp", "smtp://cert:s3cret@127.0.0.1:" + mail.getSmtp().getPort());
        assertEquals(0, sent.code(), sent.out() + sent.err());
        assertTrue(sent.out().startsWith("sent 2, deferred 0, failed 0, uncertain 0"), sent.out());
        assertEquals(3, mail.getReceivedMessages().length, "two reports, one of them to two addresses");

        String ticket = reports.get(0).get("ticket").asText();
        String messageId = reports.get(0).get("messageId").asText();
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream((
                "From: abuse@net-a.example\r\nTo: cert@csirt.example.org\r\nSubject: Re: [" + ticket + "] fixed\r\n"
                        + "Message-ID: <r1@net-a.example>\r\nIn-Reply-To: <" + messageId + ">\r\nDate: Sat, 21 Nov 2026 10:00:00 +0000\r\n\r\nDone.\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
        mail.getUserManager().getUserByEmail("cert@csirt.example.org").deliver(reply);
        Result replies = run("report", "replies", "--imap", "imap://cert:s3cret@127.0.0.1:" + mail.getImap().getPort() + "/INBOX");
        assertEquals(0, replies.code(), replies.err());
        assertTrue(replies.out().contains("1 answer(s) recorded"), replies.out());
        assertTrue(replies.out().contains(ticket) && replies.out().contains("human"), replies.out());

        List<JsonNode> status = json(run("report", "status", "--json").out());
        assertEquals(2, status.stream().filter(n -> n.get("kind").asText().equals("message") && n.get("state").asText().equals("sent")).count());
        JsonNode netA = status.stream().filter(n -> "abuse@net-a.example".equals(n.path("contact").asText())).findFirst().orElseThrow();
        assertEquals(1, netA.get("sent").asInt());
        assertEquals(1, netA.get("replies").get("human").asInt());
        assertEquals(1, netA.get("answered").asInt());
    }

    @Test
    void badInputFailsWithOneLineNamingThePosition() throws Exception {
        assertEquals(0, run("pgp", "generate", "--name", "CERT-Test", "--email", "cert@csirt.example.org", "--no-passphrase").code());
        Path broken = Files.writeString(dir.resolve("broken.jsonl"), EVENTS + "{\"source.ip\": \n");
        Result r = run("report", "compose", "--events", broken.toString(), "--format", "xarf", "--out", dir.resolve("o").toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("liaison: " + broken + ":3"), r.err());
        assertTrue(Files.notExists(dir.resolve("o")) || Files.list(dir.resolve("o")).findAny().isEmpty(), "nothing written from failed input");

        assertEquals(2, run("report", "compose", "--events", broken.toString(), "--format", "xarf", "--group-by", "nobody").code());
        Result unknown = run("report", "compose", "--events", dir.resolve("events.jsonl").toString(), "--format", "markdown");
        assertEquals(1, unknown.code());
    }

    @Test
    void importsCorrespondentKeysFromTheDirectory() throws Exception {
        Path first = Path.of(System.getProperty("liaison.corpus", "../shared/corpus"), "first-teams-api/first_teams_ey.json");
        assertEquals(0, run("directory", "import", "first", first.toString()).code());
        Result keys = run("--json", "pgp", "import", "--directory");
        assertEquals(0, keys.code(), keys.err());
        List<JsonNode> imported = json(keys.out());
        assertTrue(imported.size() >= 5, "FIRST publishes armoured keys of several teams: " + keys.out() + keys.err());
        assertTrue(imported.stream().noneMatch(k -> k.get("secret").asBoolean()));
        assertTrue(imported.stream().anyMatch(k -> k.get("userId").asText().toLowerCase().contains("ey.com")), keys.out());
        assertEquals(2, run("pgp", "import").code(), "a FILE or --directory is needed");
    }

    private static List<JsonNode> json(String lines) throws Exception {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines.split("\n")) {
            if (!l.isBlank()) {
                out.add(m.readTree(l));
            }
        }
        return out;
    }

    /** RFC 3156: the first part of multipart/signed, byte for byte, against the detached signature. */
    private static Result verify(Path gnupg, byte[] eml, Path name) throws Exception {
        String text = new String(eml, StandardCharsets.ISO_8859_1);
        Matcher b = Pattern.compile("multipart/signed;[^\\r]*\\r\\n\\t[^\\r]*boundary=\"([^\"]+)\"").matcher(text);
        assertTrue(b.find(), text);
        String delimiter = "--" + b.group(1);
        int start = text.indexOf(delimiter + "\r\n") + delimiter.length() + 2;
        int end = text.indexOf("\r\n" + delimiter, start);
        String signature = text.substring(text.indexOf("-----BEGIN PGP SIGNATURE", end), text.indexOf("-----END PGP SIGNATURE-----", end) + 27);
        Path data = Files.write(Path.of(name + ".part"), text.substring(start, end).getBytes(StandardCharsets.ISO_8859_1));
        Path sig = Files.writeString(Path.of(name + ".sig"), signature + "\n");
        return gpg(gnupg, "--verify", sig.toString(), data.toString());
    }

    private static Result gpg(Path home, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--status-fd", "1"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), output, "");
    }
}
