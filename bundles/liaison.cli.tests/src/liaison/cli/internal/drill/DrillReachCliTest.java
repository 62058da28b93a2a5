package liaison.cli.internal.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MailDateFormat;

/** {@code liaison drill reach} against GreenMail: signed challenges out, answers in over IMAP, silence marked. */
class DrillReachCliTest {

    static final String TEAMS = """
            [
              {"short_name": "Alpha-CERT", "official_name": "Alpha CERT", "country": {"code": "NL"},
               "emails": [{"address": "alpha@teams.example", "usage": ["contact"]}]},
              {"short_name": "Silent-CERT", "official_name": "Silent CERT", "country": {"code": "NL"},
               "emails": [{"address": "silent@teams.example", "usage": ["contact"]}]},
              {"short_name": "Other-CERT", "official_name": "Other CERT", "country": {"code": "DE"},
               "emails": [{"address": "other@teams.example", "usage": ["contact"]}]}
            ]
            """;

    @TempDir
    Path dir;

    GreenMail mail;

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

    private DrillCliTest.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = dir.resolve("ws").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return DrillCliTest.run(all);
    }

    private Map<String, JsonNode> targets(DrillCliTest.Result r) throws Exception {
        assertEquals(0, r.code(), r.err());
        Map<String, JsonNode> out = new LinkedHashMap<>();
        new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow()).get("targets")
                .forEach(t -> out.put(t.get("team").asText(), t));
        return out;
    }

    @Test
    void challengesAreSignedAnswersTimedAndSilenceMarkedUnresponsive() throws Exception {
        assertEquals(0, run("pgp", "generate", "--name", "CERT-Test", "--email", "cert@csirt.example.org", "--no-passphrase").code());
        Path teams = Files.writeString(dir.resolve("teams.json"), TEAMS);
        assertEquals(0, run("directory", "import", "ti", teams.toString()).code());
        String smtp = "smtp://cert:s3cret@127.0.0.1:" + mail.getSmtp().getPort();
        String imap = "imap://cert:s3cret@127.0.0.1:" + mail.getImap().getPort() + "/INBOX";

        Map<String, JsonNode> sent = targets(run("--json", "drill", "reach", "--teams", "country:NL", "--smtp", smtp, "--deadline", "4s"));
        assertEquals(2, sent.size(), "country:NL selects two of the three teams: " + sent);
        assertEquals(2, mail.getReceivedMessages().length);
        MimeMessage toAlpha = null;
        for (MimeMessage m : mail.getReceivedMessages()) {
            assertTrue(m.getContentType().startsWith("multipart/signed"), m.getContentType());
            assertTrue(m.getContentType().contains("application/pgp-signature"), m.getContentType());
            String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
            JsonNode target = sent.get(to.startsWith("alpha") ? "Alpha-CERT" : "Silent-CERT");
            assertTrue(m.getSubject().contains(target.get("token").asText()), "the token is in the subject: " + m.getSubject());
            assertEquals("pending", target.get("status").asText());
            assertNotNull(target.get("sent_at").asText(null));
            if (to.startsWith("alpha")) {
                toAlpha = m;
            }
        }
        assertNotNull(toAlpha);

        Instant answered = Instant.now();
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream((
                "From: alpha@teams.example\r\nTo: cert@csirt.example.org\r\nSubject: Re: " + toAlpha.getSubject() + "\r\n"
                        + "Message-ID: <a1@teams.example>\r\nIn-Reply-To: " + toAlpha.getMessageID() + "\r\n"
                        + "Date: " + new MailDateFormat().format(java.util.Date.from(answered)) + "\r\n\r\nWe read you.\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
        mail.getUserManager().getUserByEmail("cert@csirt.example.org").deliver(reply);

        Map<String, JsonNode> collected = targets(run("--json", "drill", "reach", "--imap", imap));
        assertEquals("responded", collected.get("Alpha-CERT").get("status").asText(), collected.toString());
        Duration took = Duration.parse(collected.get("Alpha-CERT").get("response_time").asText());
        assertTrue(!took.isNegative() && took.compareTo(Duration.ofMinutes(1)) < 0, took.toString());
        assertEquals("pending", collected.get("Silent-CERT").get("status").asText(), "its deadline has not passed yet");

        Thread.sleep(Duration.between(Instant.now(), Instant.parse(sent.get("Silent-CERT").get("sent_at").asText()).plusSeconds(5)).toMillis());
        Map<String, JsonNode> later = targets(run("--json", "drill", "reach"));
        assertEquals("unresponsive", later.get("Silent-CERT").get("status").asText(), later.toString());
        assertEquals("responded", later.get("Alpha-CERT").get("status").asText());

        DrillCliTest.Result scheduled = run("drill", "reach", "--schedule", "quarterly", "--due", "--smtp", smtp);
        assertEquals(0, scheduled.code(), scheduled.err());
        assertTrue(scheduled.err().contains("no round is due"), scheduled.err());
        assertEquals(2, mail.getReceivedMessagesForDomain("teams.example").length, "a round started today: none is due for three months");
        assertTrue(scheduled.out().contains("Silent-CERT") && scheduled.out().contains("unresponsive"), scheduled.out());
    }
}
