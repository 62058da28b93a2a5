package liaison.mail.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import liaison.api.LiaisonException;
import liaison.api.report.Report;
import liaison.api.report.Reporter;
import liaison.api.report.Tlp;
import liaison.api.transport.DeliveryReceipt;
import liaison.api.transport.OutgoingMessage;
import liaison.api.transport.Transport;
import liaison.mail.ContactStats;
import liaison.mail.DeliveryException;
import liaison.mail.MailServer;
import liaison.mail.Outbox;
import liaison.mail.OutboxEntry.State;
import liaison.mail.Reply;
import liaison.mail.ReplyKind;
import liaison.mail.ReplyTracker;
import liaison.mail.SendSummary;
import liaison.mail.SmtpTransport;
import liaison.pgp.PgpService;
import liaison.report.ComposeOptions;
import liaison.report.GroupBy;
import liaison.report.ReportComposer;
import liaison.store.Database;
import liaison.store.Workspaces;

/** Real SMTP and IMAP (GreenMail on loopback), the real store, reports from the real composer. */
class MailTest {

    static final String TEAM = "cert@csirt.example.org";
    static final String EVENTS = """
            {"time.source": "2026-11-20T10:15:02+01:00", "source.ip": "192.0.2.10", "source.port": 51022, "protocol.transport": "tcp", "classification.taxonomy": "intrusion-attempts", "classification.type": "brute-force", "source.abuse_contact": "abuse@net-a.example", "raw": "c3NoZCBmYWlsZWQgcGFzc3dvcmQ="}
            {"time.source": "2026-11-20T09:00:00+00:00", "source.ip": "203.0.113.7", "source.port": 44000, "protocol.transport": "tcp", "classification.taxonomy": "information-gathering", "classification.type": "scanner", "source.abuse_contact": "abuse@net-b.example", "raw": "U1lOIHNjYW4="}
            """;

    @TempDir
    Path workspace;

    GreenMail mail;
    Outbox outbox;
    Database database;
    BundleContext bc = FrameworkUtil.getBundle(MailTest.class).getBundleContext();

    @BeforeEach
    void start() throws Exception {
        // Jakarta Mail (ours and GreenMail's threads, which inherit it) finds Angus through the context class loader.
        Thread.currentThread().setContextClassLoader(org.eclipse.angus.mail.util.MailStreamProvider.class.getClassLoader());
        // GreenMail's built-in certificate is refused by this JDK's TLS ("no available authentication
        // scheme"): give it a fresh RSA key made by keytool.
        Path keystore = workspace.resolve("greenmail-tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "greenmail", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertEquals(0, keytool.waitFor());
        System.setProperty("greenmail.tls.keystore.file", keystore.toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
        mail = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS), new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS) })
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(TEAM, "cert", "s3cret"));
        mail.start();
        Workspaces.select(bc, workspace, Duration.ofSeconds(20));
        String path = workspace.toAbsolutePath().normalize().toString();
        outbox = Workspaces.await(bc, Outbox.class, path, Duration.ofSeconds(20));
        database = Workspaces.await(bc, Database.class, path, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    private String smtp(String query) {
        return "smtp://cert:s3cret@127.0.0.1:" + mail.getSmtp().getPort() + query;
    }

    private List<OutgoingMessage> compose(boolean sign) throws Exception {
        String path = workspace.toAbsolutePath().normalize().toString();
        var tracker = new org.osgi.util.tracker.ServiceTracker<ReportComposer, ReportComposer>(bc, ReportComposer.class, null);
        tracker.open();
        ReportComposer composer = tracker.waitForService(20_000);
        PgpService pgp = Workspaces.await(bc, PgpService.class, path, Duration.ofSeconds(20));
        if (sign && pgp.ownKey().isEmpty()) {
            pgp.generate("CERT-Test", TEAM, null);
        }
        ComposeOptions options = new ComposeOptions("text", GroupBy.CONTACT, sign, false, false, Tlp.AMBER,
                new Reporter("CERT-Test", "Ada", TEAM, null, null), "TST", 0);
        List<OutgoingMessage> out = new ArrayList<>();
        for (Report r : composer.group(composer.readEvents("events", new ByteArrayInputStream(EVENTS.getBytes())), options).reports()) {
            out.add(composer.compose(r, options).message());
        }
        return out;
    }

    @Test
    void queuedReportsAreSentOnceWithTheirBytesIntact() throws Exception {
        List<OutgoingMessage> messages = compose(true);
        for (OutgoingMessage m : messages) {
            assertTrue(outbox.enqueue(m));
            assertFalse(outbox.enqueue(m), "the same Message-ID is queued once");
        }
        assertEquals(List.of(State.QUEUED, State.QUEUED), outbox.entries().stream().map(e -> e.state()).toList());

        SendSummary summary;
        try (SmtpTransport smtp = new SmtpTransport(MailServer.parse(smtp("")))) {
            summary = outbox.send(smtp, false);
        }
        assertEquals(new SendSummary(2, 0, 0, 0, List.of()), summary);
        assertTrue(outbox.entries().stream().allMatch(e -> e.state() == State.SENT && e.sentAt() != null && e.receipt().contains("250")));
        MimeMessage[] received = mail.getReceivedMessages();
        assertEquals(2, received.length);
        for (MimeMessage r : received) {
            OutgoingMessage sent = messages.stream().filter(m -> ("<" + m.messageId() + ">").equals(header(r, "Message-ID"))).findFirst().orElseThrow();
            assertArrayEquals(body(sent.mime()), body(raw(r)), "the signed body arrives byte for byte");
        }
        try (SmtpTransport smtp = new SmtpTransport(MailServer.parse(smtp("")))) {
            assertEquals(new SendSummary(0, 0, 0, 0, List.of()), outbox.send(smtp, false), "nothing is sent twice");
        }
        assertEquals(2, mail.getReceivedMessages().length);
    }

    @Test
    void aCrashBeforeSendingLosesNothingAndACrashWhileSendingSendsNothingTwice() throws Exception {
        List<OutgoingMessage> messages = compose(false);
        OutboxService first = new OutboxService(database);
        messages.forEach(m -> {
            try {
                first.enqueue(m);
            } catch (LiaisonException e) {
                throw new AssertionError(e);
            }
        });
        first.close(); // the process ends after composing

        OutboxService second = new OutboxService(database);
        assertEquals(2, second.entries().size(), "queued messages survive the restart");
        SmtpTransport real = new SmtpTransport(MailServer.parse(smtp("")));
        Transport dyingAfterAccept = new Transport() {
            @Override
            public String id() {
                return "smtp";
            }

            @Override
            public boolean handles(String recipient) {
                return true;
            }

            @Override
            public DeliveryReceipt deliver(OutgoingMessage message) throws LiaisonException {
                real.deliver(message);
                throw new ThreadDeath(); // killed after the server accepted, before the outbox heard of it
            }
        };
        assertThrows(ThreadDeath.class, () -> second.send(dyingAfterAccept, false));
        real.close();
        second.close();
        assertEquals(1, mail.getReceivedMessages().length);

        OutboxService third = new OutboxService(database);
        try (SmtpTransport smtp = new SmtpTransport(MailServer.parse(smtp("")))) {
            SendSummary after = third.send(smtp, false);
            assertEquals(1, after.sent(), "the untouched message goes out");
            assertEquals(1, after.uncertain(), "the interrupted one is not resent");
            assertEquals(2, mail.getReceivedMessages().length, "nothing was sent twice");
            assertEquals(List.of(State.UNCERTAIN, State.SENT).stream().sorted().toList(),
                    third.entries().stream().map(e -> e.state()).sorted().toList());
            SendSummary resent = third.send(smtp, true);
            assertEquals(1, resent.sent(), "resent on request");
        }
        assertEquals(3, mail.getReceivedMessages().length);
        third.close();
    }

    @Test
    void failuresAreDeferredAndStartTlsRequiredIsEnforced() throws Exception {
        List<OutgoingMessage> messages = compose(false);
        outbox.enqueue(messages.get(0));
        // GreenMail offers no STARTTLS: a transport that requires it must not send in clear.
        try (SmtpTransport smtp = new SmtpTransport(MailServer.parse(smtp("?starttls=required")))) {
            SendSummary s = outbox.send(smtp, false);
            assertEquals(1, s.deferred());
            assertTrue(s.problems().get(0).toUpperCase().contains("STARTTLS"), s.problems().toString());
        }
        assertEquals(0, mail.getReceivedMessages().length);
        var entry = outbox.entries().get(0);
        assertEquals(State.QUEUED, entry.state());
        assertEquals(1, entry.attempts());

        try (SmtpTransport wrongPassword = new SmtpTransport(MailServer.parse("smtp://cert:wrong@127.0.0.1:" + mail.getSmtp().getPort()))) {
            DeliveryException e = assertThrows(DeliveryException.class, () -> wrongPassword.deliver(messages.get(0)));
            assertFalse(e.permanent());
        }
        // Implicit TLS with authentication; the test certificate is trusted by name (trust=), not by a CA.
        try (SmtpTransport smtps = new SmtpTransport(MailServer.parse("smtps://cert:s3cret@127.0.0.1:" + mail.getSmtps().getPort() + "?trust=127.0.0.1"))) {
            SendSummary s = outbox.send(smtps, false);
            assertEquals(1, s.sent(), "retried and sent over TLS: " + s.problems());
        }
        assertEquals(2, outbox.entries().get(0).attempts());
        assertEquals(1, mail.getReceivedMessages().length);
    }

    @Test
    void repliesAreMatchedClassifiedAndCounted() throws Exception {
        List<OutgoingMessage> messages = compose(false);
        messages.forEach(m -> {
            try {
                outbox.enqueue(m);
            } catch (LiaisonException e) {
                throw new AssertionError(e);
            }
        });
        try (SmtpTransport smtp = new SmtpTransport(MailServer.parse(smtp("")))) {
            outbox.send(smtp, false);
        }
        OutgoingMessage a = messages.stream().filter(m -> m.recipients().contains("abuse@net-a.example")).findFirst().orElseThrow();
        OutgoingMessage b = messages.stream().filter(m -> m.recipients().contains("abuse@net-b.example")).findFirst().orElseThrow();

        deliver("From: Net A Abuse <abuse@net-a.example>\r\nTo: " + TEAM + "\r\nSubject: Re: [" + a.ticketId() + "] done\r\n"
                + "Message-ID: <human-1@net-a.example>\r\nIn-Reply-To: <" + a.messageId() + ">\r\nDate: Sat, 21 Nov 2026 10:00:00 +0000\r\n\r\nWe cleaned the host.\r\n");
        deliver("From: abuse@net-b.example\r\nTo: " + TEAM + "\r\nSubject: Automatic reply: [" + b.ticketId() + "]\r\n"
                + "Message-ID: <auto-1@net-b.example>\r\nAuto-Submitted: auto-replied\r\nReferences: <" + b.messageId() + ">\r\n"
                + "Date: Fri, 20 Nov 2026 23:00:00 +0000\r\n\r\nYour ticket has been received.\r\n");
        deliver("From: Mail Delivery System <MAILER-DAEMON@mx.net-b.example>\r\nTo: " + TEAM + "\r\nSubject: Undelivered Mail Returned to Sender\r\n"
                + "Message-ID: <dsn-1@mx.net-b.example>\r\nDate: Fri, 20 Nov 2026 22:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nThe mail system could not deliver your message.\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.net-b.example\r\n\r\n"
                + "Final-Recipient: rfc822; abuse@net-b.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: " + TEAM + "\r\nMessage-ID: <" + b.messageId() + ">\r\n"
                + "--b1--\r\n");
        deliver("From: someone@net-a.example\r\nTo: " + TEAM + "\r\nSubject: about " + a.ticketId() + "\r\n"
                + "Message-ID: <human-2@net-a.example>\r\nDate: Sun, 22 Nov 2026 10:00:00 +0000\r\n\r\nAnother question.\r\n");
        deliver("From: newsletter@else.example\r\nTo: " + TEAM + "\r\nSubject: News\r\nMessage-ID: <n-1@else.example>\r\n\r\nHello\r\n");

        ReplyTracker tracker = Workspaces.await(bc, ReplyTracker.class, workspace.toAbsolutePath().normalize().toString(), Duration.ofSeconds(20));
        MailServer imap = MailServer.parse("imaps://cert:s3cret@127.0.0.1:" + mail.getImaps().getPort() + "/INBOX?trust=127.0.0.1");
        assertEquals(new ReplyTracker.FetchSummary(5, 4, 1), tracker.fetch(imap));
        assertEquals(new ReplyTracker.FetchSummary(0, 0, 0), tracker.fetch(imap), "seen messages are not read again");

        Map<String, Reply> byKey = new java.util.HashMap<>();
        outbox.replies().forEach(r -> byKey.put(r.key(), r));
        assertEquals(ReplyKind.HUMAN, byKey.get("human-1@net-a.example").kind());
        assertEquals("in-reply-to", byKey.get("human-1@net-a.example").matchedBy());
        assertEquals(ReplyKind.AUTO_REPLY, byKey.get("auto-1@net-b.example").kind());
        assertEquals("references", byKey.get("auto-1@net-b.example").matchedBy());
        assertEquals(ReplyKind.BOUNCE, byKey.get("dsn-1@mx.net-b.example").kind());
        assertEquals("dsn", byKey.get("dsn-1@mx.net-b.example").matchedBy());
        assertEquals(b.messageId(), byKey.get("dsn-1@mx.net-b.example").messageId());
        assertEquals("ticket", byKey.get("human-2@net-a.example").matchedBy());
        assertEquals(a.ticketId(), byKey.get("human-2@net-a.example").ticketId());

        Map<String, ContactStats> stats = new java.util.HashMap<>();
        outbox.stats().forEach(s -> stats.put(s.contact(), s));
        ContactStats netA = stats.get("abuse@net-a.example");
        assertEquals(1, netA.sent());
        assertEquals(Map.of(ReplyKind.HUMAN, 2), netA.replies());
        assertEquals(1, netA.answered());
        assertNotNull(netA.medianFirstReply());
        ContactStats netB = stats.get("abuse@net-b.example");
        assertEquals(Map.of(ReplyKind.AUTO_REPLY, 1, ReplyKind.BOUNCE, 1), netB.replies());
    }

    private void deliver(String message) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
        mail.getUserManager().getUserByEmail(TEAM).deliver(m);
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    /** Everything after the header block, without the line end SMTP's end of data takes. */
    private static byte[] body(byte[] mime) {
        String s = new String(mime, StandardCharsets.ISO_8859_1);
        return s.substring(s.indexOf("\r\n\r\n") + 4).replaceFirst("\r\n$", "").getBytes(StandardCharsets.ISO_8859_1);
    }
}
