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
import liaison.api.transport.DeliveryException;
import liaison.api.transport.DeliveryReceipt;
import liaison.api.transport.OutgoingMessage;
import liaison.api.transport.Transport;
import liaison.mail.ContactStats;
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
import liaison.store.Migration;
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
        return compose(sign, EVENTS);
    }

    private List<OutgoingMessage> compose(boolean sign, String events) throws Exception {
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
        for (Report r : composer.group(composer.readEvents("events", new ByteArrayInputStream(events.getBytes())), options).reports()) {
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
        assertEquals(new SendSummary(2, 0, 0, 0, List.of(), Map.of("smtp", 2)), summary);
        assertTrue(outbox.entries().stream().allMatch(e -> e.state() == State.SENT && e.sentAt() != null && e.receipt().contains("250")));
        MimeMessage[] received = mail.getReceivedMessages();
        assertEquals(2, received.length);
        for (MimeMessage r : received) {
            OutgoingMessage sent = messages.stream().filter(m -> ("<" + m.messageId() + ">").equals(header(r, "Message-ID"))).findFirst().orElseThrow();
            assertArrayEquals(body(sent.mime()), body(raw(r)), "the signed body arrives byte for byte");
        }
        try (SmtpTransport smtp = new SmtpTransport(MailServer.parse(smtp("")))) {
            assertEquals(new SendSummary(0, 0, 0, 0, List.of(), Map.of()), outbox.send(smtp, false), "nothing is sent twice");
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
                throw new InternalError("killed"); // the VM dies after the server accepted, before the outbox heard of it
            }
        };
        assertThrows(InternalError.class, () -> second.send(dyingAfterAccept, false));
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

    static final String TO_MAIL_AND_HOOK = """
            {"time.source": "2026-11-20T10:15:02+01:00", "source.ip": "192.0.2.10", "classification.type": "brute-force", "source.abuse_contact": "abuse@net-a.example, https://hooks.example.org/h/AbC", "raw": "c3NoZA=="}
            """;

    @FunctionalInterface
    interface Deliver {
        DeliveryReceipt deliver(OutgoingMessage message) throws Exception;
    }

    /** A team's transport (as the example's webhook): handles what the predicate accepts, records what it was handed. */
    static final class TeamTransport implements Transport {
        final String id;
        final java.util.function.Predicate<String> handles;
        volatile Deliver behaviour;
        final List<OutgoingMessage> handed = new java.util.concurrent.CopyOnWriteArrayList<>();

        TeamTransport(String id, java.util.function.Predicate<String> handles) {
            this.id = id;
            this.handles = handles;
            this.behaviour = m -> new DeliveryReceipt(id, java.time.Instant.now(), "HTTP 200");
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean handles(String recipient) {
            return handles.test(recipient);
        }

        @Override
        public DeliveryReceipt deliver(OutgoingMessage message) throws LiaisonException {
            handed.add(message);
            try {
                return behaviour.deliver(message);
            } catch (LiaisonException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private OutboxService outboxWith(Object... transportsAndRankings) {
        OutboxService box = new OutboxService(database);
        for (int i = 0; i < transportsAndRankings.length; i += 2) {
            box.addTransport((Transport) transportsAndRankings[i], Map.of(org.osgi.framework.Constants.SERVICE_RANKING, transportsAndRankings[i + 1],
                    org.osgi.framework.Constants.SERVICE_ID, (long) i));
        }
        return box;
    }

    private static boolean url(String recipient) {
        return recipient.startsWith("https://");
    }

    @Test
    void eachRecipientGoesOnceThroughTheTransportThatHandlesIt() throws Exception {
        TeamTransport hook = new TeamTransport("hook", MailTest::url);
        OutboxService box = outboxWith(hook, 0);
        OutgoingMessage m = compose(false, TO_MAIL_AND_HOOK).get(0);
        assertEquals(List.of("abuse@net-a.example", "https://hooks.example.org/h/AbC"), m.recipients());
        assertTrue(box.enqueue(m));

        SendSummary noSmtp = box.send(List.of(), false);
        assertEquals(1, noSmtp.deferred(), "the e-mail copy waits for an SMTP server");
        assertEquals(Map.of("hook", 1), noSmtp.byTransport());
        assertEquals(List.of(m.ticketId() + " to abuse@net-a.example: no transport handles abuse@net-a.example (asked: hook)"), noSmtp.problems());
        assertEquals(List.of(List.of("https://hooks.example.org/h/AbC")), hook.handed.stream().map(OutgoingMessage::recipients).toList(),
                "a transport is handed its recipient only");
        assertArrayEquals(m.mime(), hook.handed.get(0).mime());
        var entry = box.entries().get(0);
        assertEquals(State.QUEUED, entry.state());
        assertEquals(List.of(State.QUEUED, State.SENT), entry.deliveries().stream().map(d -> d.state()).toList());
        assertEquals(0, entry.deliveries().get(0).attempts(), "no transport, no attempt");
        assertEquals("hook", entry.deliveries().get(1).transport());

        try (SmtpTransport smtp = new SmtpTransport(MailServer.parse(smtp("")))) {
            SendSummary s = box.send(smtp, false);
            assertEquals(new SendSummary(1, 0, 0, 0, List.of(), Map.of("smtp", 1)), s);
            assertEquals(new SendSummary(0, 0, 0, 0, List.of(), Map.of()), box.send(smtp, false));
        }
        assertEquals(1, hook.handed.size(), "the webhook got the report once");
        assertEquals(1, mail.getReceivedMessages().length);
        assertEquals("abuse@net-a.example", mail.getReceivedMessages()[0].getAllRecipients()[0].toString());
        entry = box.entries().get(0);
        assertEquals(State.SENT, entry.state());
        assertTrue(entry.receipt().contains("hook: HTTP 200") && entry.receipt().contains("smtp: 127.0.0.1: 250"), entry.receipt());
        assertEquals(List.of("abuse@net-a.example", "https://hooks.example.org/h/AbC"), box.stats().stream().map(ContactStats::contact).toList());
        box.close();
    }

    @Test
    void theHighestRankedTransportWinsAndOneThatCannotAnswerIsPassedOver() throws Exception {
        TeamTransport hook = new TeamTransport("hook", MailTest::url);
        TeamTransport tickets = new TeamTransport("tickets", r -> r.endsWith("@net-a.example"));
        TeamTransport broken = new TeamTransport("broken", r -> {
            throw new IllegalStateException("cannot tell");
        });
        OutboxService box = outboxWith(hook, 0, tickets, 10, broken, 20);
        box.enqueue(compose(false, TO_MAIL_AND_HOOK).get(0));
        try (SmtpTransport smtp = new SmtpTransport(MailServer.parse(smtp("")))) {
            SendSummary s = box.send(smtp, false);
            assertEquals(new SendSummary(1, 0, 0, 0, List.of(), Map.of("hook", 1, "tickets", 1)), s);
        }
        assertEquals(0, mail.getReceivedMessages().length, "the team's ticket transport outranks SMTP for its addresses");
        assertEquals(List.of(List.of("abuse@net-a.example")), tickets.handed.stream().map(OutgoingMessage::recipients).toList());
        assertEquals(List.of(), broken.handed);
        box.close();
    }

    @Test
    void aTransportThatHangsOrBreaksLeavesItsRecipientUncertainAndRefusalsAreFinal() throws Exception {
        TeamTransport hook = new TeamTransport("hook", MailTest::url);
        OutboxService box = outboxWith(hook, 0);
        box.deliveryTimeout = Duration.ofMillis(300);
        List<OutgoingMessage> messages = compose(false, TO_MAIL_AND_HOOK.replace("brute-force", "scanner") + TO_MAIL_AND_HOOK
                + TO_MAIL_AND_HOOK.replace("brute-force", "spam").replace("hooks.example.org/h/AbC", "hooks.example.org/h/gone"));
        assertEquals(3, messages.size());
        messages.forEach(m -> {
            try {
                box.enqueue(m);
            } catch (LiaisonException e) {
                throw new AssertionError(e);
            }
        });
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        hook.behaviour = m -> switch (calls.incrementAndGet()) {
            case 1 -> {
                Thread.sleep(60_000); // posted, then hangs: whether it arrived is unknown
                yield null;
            }
            case 2 -> throw new NullPointerException("a bug after posting");
            default -> {
                if (m.recipients().get(0).endsWith("/gone")) {
                    throw new DeliveryException("webhook answered HTTP 404", true);
                }
                yield new DeliveryReceipt("hook", java.time.Instant.now(), "HTTP 200");
            }
        };
        SendSummary first;
        try (SmtpTransport smtp = new SmtpTransport(MailServer.parse(smtp("")))) {
            first = box.send(smtp, false);
        }
        assertEquals(2, first.uncertain(), first.toString());
        assertEquals(1, first.failed(), first.toString());
        assertEquals(Map.of("smtp", 3), first.byTransport());
        assertTrue(first.problems().get(0).contains("transport 'hook' delivering " + messages.get(0).ticketId()
                + " to https://hooks.example.org/h/AbC did not finish within 300 ms (bundle liaison.mail "), first.problems().get(0));
        assertTrue(first.problems().get(0).endsWith("(uncertain: not resent automatically)"), first.problems().get(0));
        assertTrue(first.problems().get(1).contains("failed in bundle liaison.mail ") && first.problems().get(1).contains("a bug after posting"),
                first.problems().get(1));
        assertTrue(first.problems().get(2).endsWith("webhook answered HTTP 404"), first.problems().get(2));

        try (SmtpTransport smtp = new SmtpTransport(MailServer.parse(smtp("")))) {
            SendSummary again = box.send(smtp, false);
            assertEquals(new SendSummary(0, 0, 0, 2, List.of(), Map.of()), again, "neither uncertain nor refused recipients are retried");
            assertEquals(3, calls.get());
            SendSummary resent = box.send(smtp, true);
            assertEquals(Map.of("hook", 2), resent.byTransport(), "resent on request");
        }
        assertEquals(3, mail.getReceivedMessages().length, "every e-mail copy once");
        assertEquals(List.of(State.SENT, State.SENT, State.FAILED).stream().sorted().toList(),
                box.entries().stream().map(e -> e.state()).sorted().toList());
        box.close();
    }

    @Test
    void anOutboxOfTheSmtpOnlySchemaKeepsItsStatesPerRecipient() throws Exception {
        MailSchema current = new MailSchema();
        Migration v1 = current.migrations().get(0);
        database.migrate(new liaison.store.SchemaModule() {
            @Override
            public String name() {
                return current.name();
            }

            @Override
            public String persistenceUnit() {
                return current.persistenceUnit();
            }

            @Override
            public List<Migration> migrations() {
                return List.of(new Migration(1, v1.description(), c -> {
                    v1.step().apply(c);
                    try (var st = c.createStatement()) {
                        st.execute("INSERT INTO MAIL_OUTBOX (MESSAGE_ID, TICKET_ID, SENDER, RECIPIENTS, SUBJECT, MIME, STATE, QUEUED_AT,"
                                + " SENT_AT, ATTEMPTS, RECEIPT) VALUES ('m1@x', 'T-1', 'cert@x', 'a@x.example,b@x.example', 's',"
                                + " CAST(X'0d0a' AS BLOB), 'SENT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, '250 ok')");
                        st.execute("INSERT INTO MAIL_OUTBOX (MESSAGE_ID, TICKET_ID, SENDER, RECIPIENTS, SUBJECT, MIME, STATE, QUEUED_AT,"
                                + " ATTEMPTS) VALUES ('m2@x', 'T-2', 'cert@x', 'c@x.example', 's', CAST(X'0d0a' AS BLOB), 'QUEUED',"
                                + " CURRENT_TIMESTAMP, 0)");
                    }
                }));
            }
        });
        OutboxService box = new OutboxService(database);
        var entries = box.entries();
        assertEquals(2, database.schemaVersions().get("mail"));
        assertEquals(List.of("a@x.example", "b@x.example"), entries.get(0).recipients());
        assertEquals(List.of(State.SENT, State.SENT), entries.get(0).deliveries().stream().map(d -> d.state()).toList());
        assertEquals("smtp", entries.get(0).deliveries().get(1).transport());
        assertEquals(List.of(State.QUEUED), entries.get(1).deliveries().stream().map(d -> d.state()).toList());
        assertEquals(2, box.stats().size(), "sent copies count per recipient");
        box.close();
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
