package liaison.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.mail.internet.MimeMessage;
import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.model.ContactCandidate;
import liaison.api.model.IpAddress;
import liaison.api.model.Resource;
import liaison.api.model.Role;
import liaison.api.report.Evidence;
import liaison.api.report.IncidentType;
import liaison.api.report.RenderedReport;
import liaison.api.report.Report;
import liaison.api.report.ReportFormat;
import liaison.api.report.Reporter;
import liaison.api.report.Tlp;
import liaison.api.resolve.ContactResolver;
import liaison.report.ComposeOptions;
import liaison.report.ComposedReport;
import liaison.report.GroupBy;
import liaison.report.Grouping;
import liaison.report.IntelMqEvent;
import liaison.report.LintFinding;
import liaison.report.ReportComposer;

/** Events in, grouped and linted reports out, through the composer service with every format installed. */
class ComposerTest {

    static final Reporter REPORTER = new Reporter("CERT-Test", "Ada Analyst", "cert@csirt.example.org", "+49 30 1234", null);

    @TempDir
    static Path workspace;

    static ReportComposer composer;

    /** Jakarta Mail finds Angus through the context class loader (see liaison.report.JakartaMail). */
    @BeforeEach
    void angusForJakartaMail() {
        Thread.currentThread().setContextClassLoader(org.eclipse.angus.mail.util.MailStreamProvider.class.getClassLoader());
    }

    @BeforeAll
    static void services() throws Exception {
        TestSupport.selectWorkspace(workspace);
        composer = TestSupport.service(ReportComposer.class);
    }

    private static List<IntelMqEvent> events() throws Exception {
        return events(composer);
    }

    static List<IntelMqEvent> events(ReportComposer composer) throws Exception {
        return composer.readEvents("events.jsonl", new ByteArrayInputStream(TestSupport.resource("events.jsonl")));
    }

    static ComposeOptions options(String format, GroupBy groupBy, boolean sign) {
        return new ComposeOptions(format, groupBy, sign, false, false, Tlp.AMBER, REPORTER, "TST", 0);
    }

    @Test
    void readsHarmonisedAndNestedEventsAndNamesTheLineOfBrokenJson() throws Exception {
        List<IntelMqEvent> events = events();
        assertEquals(6, events.size());
        assertEquals("192.0.2.10", events.get(0).get("source.ip"));
        assertEquals("51022", events.get(0).get("source.port"), "numbers become text");
        assertEquals(4, events.get(3).line());

        String nested = "{\"source\": {\"ip\": \"192.0.2.1\"}, \"classification\": {\"type\": \"scanner\"}}\n\n{\"broken\": \n";
        InputException e = assertThrows(InputException.class,
                () -> composer.readEvents("mixed.jsonl", new ByteArrayInputStream(nested.getBytes(StandardCharsets.UTF_8))));
        assertEquals("mixed.jsonl", e.input());
        assertEquals(3, e.line(), "blank lines count, the broken object is on line 3");
        assertTrue(e.getMessage().startsWith("mixed.jsonl:3"), e.getMessage());

        List<IntelMqEvent> ok = composer.readEvents("nested.jsonl", new ByteArrayInputStream(nested.lines().findFirst().get().getBytes()));
        assertEquals("192.0.2.1", ok.get(0).get("source.ip"));

        InputException untyped = assertThrows(InputException.class,
                () -> composer.readEvents("x.jsonl", new ByteArrayInputStream("{\"source.ip\": \"192.0.2.1\"}".getBytes())));
        assertTrue(untyped.getMessage().contains("classification.type"), untyped.getMessage());
    }

    @Test
    void groupsByRecipientSetAndTypeOrBySource() throws Exception {
        Grouping byContact = composer.group(events(), options("text", GroupBy.CONTACT, true));
        assertEquals(2, byContact.reports().size());
        Report brute = byContact.reports().get(0);
        assertEquals(List.of("abuse@net-a.example", "noc@net-a.example"), brute.recipients(),
                "comma-separated contacts in any order form one recipient set");
        assertEquals("brute-force", brute.type().type());
        assertEquals(3, brute.evidence().size());
        assertEquals(List.of("192.0.2.10", "192.0.2.11"), brute.resources().stream().map(Resource::text).toList());
        assertTrue(brute.ticketId().matches("TST-\\d{8}-[0-9A-Z]{6}"), brute.ticketId());
        assertEquals(Tlp.AMBER, brute.tlp());
        assertFalse(brute.requestedAction().isBlank());

        assertEquals(1, byContact.unrouted().size(), "the event without contact has nowhere to go without a resolver");
        assertEquals("infected-system", byContact.unrouted().get(0).event().get("classification.type"));

        Grouping bySource = composer.group(events(), options("text", GroupBy.SOURCE, true));
        assertEquals(4, bySource.reports().size());
        assertEquals(Set.of(1, 2), bySource.reports().stream().map(r -> r.evidence().size()).collect(Collectors.toSet()));
        assertEquals(4, bySource.reports().stream().map(Report::ticketId).distinct().count(), "ticket ids are unique");

        Grouping arf = composer.group(events(), options("arf", GroupBy.CONTACT, true));
        assertEquals(4, arf.reports().size(), "ARF names one source per report, whatever grouping was asked");
    }

    @Test
    void eventsWithoutContactGoToTheContactResolverWhenOneIsInstalled() throws Exception {
        List<Resource> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        ContactResolver resolver = resource -> {
            asked.add(resource);
            return List.of(new ContactCandidate(Role.ABUSE, "NET-C", List.of("abuse@net-c.example.org"), null, "test resolver",
                    List.of("inet6num 2001:db8::/32", "abuse-mailbox"), null, 0.9, null));
        };
        // Ranked above the installed resolver, which would ask the registries.
        var registration = TestSupport.context().registerService(ContactResolver.class, resolver,
                new java.util.Hashtable<>(java.util.Map.of(org.osgi.framework.Constants.SERVICE_RANKING, 100)));
        try {
            Grouping g = composer.group(events(), options("text", GroupBy.CONTACT, true));
            assertEquals(List.of(), g.unrouted());
            Report resolved = g.reports().get(2);
            assertEquals(List.of("abuse@net-c.example.org"), resolved.recipients());
            assertEquals("infected-system", resolved.type().type());
            assertEquals(List.of(IpAddress.parse("2001:db8::66")), asked, "only the event without source.abuse_contact is resolved");
        } finally {
            registration.unregister();
        }
        assertEquals(1, composer.group(events(), options("text", GroupBy.CONTACT, true)).unrouted().size(), "the hook is optional");

        ContactResolver unreachable = resource -> {
            throw new LiaisonException("cannot resolve the whois host whois.example");
        };
        var failing = TestSupport.context().registerService(ContactResolver.class, unreachable,
                new java.util.Hashtable<>(java.util.Map.of(org.osgi.framework.Constants.SERVICE_RANKING, 100)));
        try {
            Grouping g = composer.group(events(), options("text", GroupBy.CONTACT, true));
            assertEquals(2, g.reports().size(), "a failed lookup leaves out its event, not the batch");
            assertTrue(g.unrouted().get(0).reason().contains("cannot resolve the whois host"), g.unrouted().get(0).reason());
        } finally {
            failing.unregister();
        }
    }

    @Test
    void aContactResolverWithABugLeavesItsEventsUnroutedWithTheReason() throws Exception {
        ContactResolver buggy = resource -> {
            throw new IllegalStateException("index out of date");
        };
        var registration = TestSupport.context().registerService(ContactResolver.class, buggy,
                new java.util.Hashtable<>(java.util.Map.of(org.osgi.framework.Constants.SERVICE_RANKING, 200)));
        try {
            Grouping g = composer.group(events(), options("text", GroupBy.CONTACT, true));
            assertEquals(2, g.reports().size(), "events with a contact are reported");
            assertEquals(1, g.unrouted().size());
            String reason = g.unrouted().get(0).reason();
            assertTrue(reason.startsWith("no contact for 2001:db8::66: contact resolver for 2001:db8::66 failed in bundle liaison.report "),
                    reason);
            assertTrue(reason.endsWith("IllegalStateException: index out of date"), reason);
        } finally {
            registration.unregister();
        }
    }

    @Test
    void evidenceKeepsTheOriginalOffsetAndFlagsMissingZones() throws Exception {
        Report brute = composer.group(events(), options("text", GroupBy.CONTACT, true)).reports().get(0);
        Evidence first = brute.evidence().get(0);
        assertEquals(OffsetDateTime.parse("2026-11-20T10:15:02+01:00"), first.observed());
        assertEquals(Instant.parse("2026-11-20T09:15:02Z"), first.utc());
        assertTrue(first.zoneKnown());
        assertEquals("Nov 20 10:15:02 hp1 sshd[441]: Failed password for root from 192.0.2.10 port 51022 ssh2", first.line());

        Report scan = composer.group(events(), options("text", GroupBy.CONTACT, true)).reports().get(1);
        Evidence noZone = scan.evidence().get(1);
        assertFalse(noZone.zoneKnown());
        assertNull(noZone.line());
    }

    @Test
    void linterNamesWhatTheReceiverWouldMiss() throws Exception {
        List<Report> reports = composer.group(events(), options("text", GroupBy.CONTACT, true)).reports();
        assertEquals(Set.of(), codes(composer.lint(reports.get(0), options("text", GroupBy.CONTACT, true))), "a complete, signed report");
        Set<String> scan = codes(composer.lint(reports.get(1), options("text", GroupBy.CONTACT, false)));
        assertEquals(Set.of("no-timezone", "no-raw-evidence", "unsigned"), scan);

        Report brute = reports.get(0);
        String whois = "% This is the RIPE Database query service.\n% Information related to '192.0.2.0 - 192.0.2.255'\n"
                + "inetnum:        192.0.2.0 - 192.0.2.255\nnetname:        TEST-NET-1\n";
        String traceroute = "traceroute to 192.0.2.10 (192.0.2.10), 30 hops max\n 1  gw (10.0.0.1)  0.512 ms  0.498 ms\n"
                + " 2  192.0.2.1  4.101 ms  4.090 ms\n";
        Report pasted = new Report(brute.ticketId(), REPORTER, brute.recipients(), brute.type(), brute.description() + "\n" + whois,
                List.of(new Evidence(brute.evidence().get(0).observed(), true, traceroute, Map.of())),
                List.of(IpAddress.parse("192.0.2.10"), IpAddress.parse("192.0.2.11"), IpAddress.parse("192.0.2.12")), " ",
                Tlp.GREEN, Instant.now());
        ComposeOptions strict = new ComposeOptions("text", GroupBy.CONTACT, true, false, false, Tlp.GREEN, REPORTER, null, 2);
        List<LintFinding> findings = composer.lint(pasted, strict);
        assertEquals(Set.of("pasted-whois", "pasted-traceroute", "too-many-addresses", "no-action"), codes(findings));
        assertEquals(LintFinding.Severity.ERROR, findings.stream().filter(f -> f.code().equals("no-action")).findFirst().get().severity());
        assertEquals(0, findings.stream().filter(f -> f.code().equals("pasted-traceroute")).findFirst().get().evidence());
    }

    private static Set<String> codes(List<LintFinding> findings) {
        return findings.stream().map(LintFinding::code).collect(Collectors.toSet());
    }

    @Test
    void headerInjectionIsRejected() throws Exception {
        String injected = "{\"source.ip\": \"192.0.2.1\", \"source.abuse_contact\": \"abuse@x.example\", "
                + "\"classification.type\": \"scanner\\r\\nBcc: victim@else.example\"}";
        InputException type = assertThrows(InputException.class, () -> composer.group(
                composer.readEvents("inj.jsonl", new ByteArrayInputStream(injected.getBytes())), options("text", GroupBy.CONTACT, false)));
        assertTrue(type.getMessage().startsWith("inj.jsonl:1"), type.getMessage());
        assertTrue(type.getMessage().contains("header injection"), type.getMessage());

        String badContact = "{\"source.ip\": \"192.0.2.1\", \"classification.type\": \"scanner\", "
                + "\"source.abuse_contact\": \"abuse@x.example\\r\\nBcc: victim@else.example\"}";
        assertThrows(InputException.class, () -> composer.group(
                composer.readEvents("inj2.jsonl", new ByteArrayInputStream(badContact.getBytes())), options("text", GroupBy.CONTACT, false)));

        Report good = composer.group(events(), options("text", GroupBy.CONTACT, false)).reports().get(0);
        Report badRecipient = new Report(good.ticketId(), REPORTER, List.of("abuse@net-a.example\r\nBcc: victim@else.example"),
                good.type(), good.description(), good.evidence(), good.resources(), good.requestedAction(), good.tlp(), good.created());
        LiaisonException recipient = assertThrows(LiaisonException.class,
                () -> composer.compose(badRecipient, options("text", GroupBy.CONTACT, false)));
        assertTrue(recipient.getMessage().contains("header injection"), recipient.getMessage());

        Report badSubject = new Report(good.ticketId(), REPORTER, good.recipients(), new IncidentType("x", "scan\nBcc: v@else.example"),
                good.description(), good.evidence(), good.resources(), good.requestedAction(), good.tlp(), good.created());
        for (String format : List.of("text", "xarf", "iodef")) {
            LiaisonException subject = assertThrows(LiaisonException.class, () -> composer.compose(badSubject, options(format, GroupBy.CONTACT, false)));
            assertTrue(subject.getMessage().contains("header injection"), format + ": " + subject.getMessage());
        }
    }

    /** A team's format with the usual bugs of third-party code. */
    private static ReportFormat format(String id, java.util.concurrent.Callable<RenderedReport> render) {
        return new ReportFormat() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String displayName() {
                return id;
            }

            @Override
            public RenderedReport render(Report report) {
                try {
                    return render.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Test
    void aFormatThatThrowsHangsOrReturnsNothingFailsAloneNamingItsBundle() throws Exception {
        Report brute = composer.group(events(), options("text", GroupBy.CONTACT, false)).reports().get(0);
        var registration = TestSupport.context().registerService(ReportFormat.class, format("boom", () -> {
            throw new IllegalStateException("a bug");
        }), null);
        try {
            LiaisonException e = assertThrows(LiaisonException.class, () -> composer.compose(brute, options("boom", GroupBy.CONTACT, false)));
            assertTrue(e.getMessage().startsWith("format 'boom' rendering " + brute.ticketId() + " failed in bundle liaison.report "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("IllegalStateException: a bug"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            assertFalse(composer.compose(brute, options("text", GroupBy.CONTACT, false)).message().recipients().isEmpty(),
                    "the other formats are not affected");
        } finally {
            registration.unregister();
        }

        Composer strict = new Composer(List.of(format("stuck", () -> {
            Thread.sleep(60_000);
            return null;
        }), format("empty", () -> null), format("nameless", () -> new RenderedReport(" ", "multipart/mixed",
                List.of(new RenderedReport.Part("text/plain", null, new byte[0]))))), java.time.Duration.ofMillis(300));
        long start = System.nanoTime();
        LiaisonException stuck = assertThrows(LiaisonException.class, () -> strict.render(brute, "stuck"));
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(10), "abandoned at the deadline");
        assertTrue(stuck.getMessage().startsWith("format 'stuck' rendering " + brute.ticketId() + " did not finish within 300 ms (bundle liaison.report "),
                stuck.getMessage());
        LiaisonException empty = assertThrows(LiaisonException.class, () -> strict.render(brute, "empty"));
        assertTrue(empty.getMessage().matches("format 'empty' rendering \\S+ returned nothing \\(bundle liaison\\.report .*\\)"), empty.getMessage());
        LiaisonException nameless = assertThrows(LiaisonException.class, () -> strict.render(brute, "nameless"));
        assertTrue(nameless.getMessage().contains("returned no subject"), nameless.getMessage());
    }

    @Test
    void webhookUrlsAreRecipientsButNeverMailAddressesOrKeyHolders() throws Exception {
        String events = """
                {"source.ip": "192.0.2.10", "classification.type": "scanner", "source.abuse_contact": "https://chat.example.org/hooks/AbC123xYz, Abuse@Net-A.Example"}
                {"source.ip": "192.0.2.20", "classification.type": "scanner", "source.abuse_contact": "http://127.0.0.1:8065/hooks/q1"}
                {"source.ip": "192.0.2.30", "classification.type": "scanner", "source.abuse_contact": "ftp://files.example.org/drop"}
                """;
        Grouping g = composer.group(composer.readEvents("hooks.jsonl", new ByteArrayInputStream(events.getBytes(StandardCharsets.UTF_8))),
                options("text", GroupBy.CONTACT, false));
        assertEquals(List.of("Abuse@net-a.example", "https://chat.example.org/hooks/AbC123xYz"), g.reports().get(0).recipients(),
                "the URL keeps its case (webhook tokens are case-sensitive)");
        assertEquals(1, g.unrouted().size());
        assertTrue(g.unrouted().get(0).reason().contains("unusable source.abuse_contact 'ftp://files.example.org/drop'"), g.unrouted().get(0).reason());

        MimeMessage both = TestSupport.parse(composer.compose(g.reports().get(0), options("text", GroupBy.CONTACT, false)).message().mime());
        assertEquals("Abuse@net-a.example", both.getHeader("To", ", "), "only e-mail addresses go into To");
        ComposedReport hookOnly = composer.compose(g.reports().get(1), options("text", GroupBy.CONTACT, false));
        assertEquals(List.of("http://127.0.0.1:8065/hooks/q1"), hookOnly.message().recipients());
        assertEquals("undisclosed-recipients:;", TestSupport.parse(hookOnly.message().mime()).getHeader("To", ", "));
        assertTrue(codes(hookOnly.findings()).contains("cleartext-recipient"), hookOnly.findings().toString());
        assertFalse(codes(composer.lint(g.reports().get(0), options("text", GroupBy.CONTACT, false))).contains("cleartext-recipient"));

        ComposeOptions encrypted = new ComposeOptions("text", GroupBy.CONTACT, false, true, false, Tlp.AMBER, REPORTER, "TST", 0);
        LiaisonException e = assertThrows(LiaisonException.class, () -> composer.compose(g.reports().get(0), encrypted));
        assertTrue(e.getMessage().contains("cannot be encrypted for https://chat.example.org/hooks/AbC123xYz"), e.getMessage());
    }

    @Test
    void composedMessageCarriesTicketInSubjectAndMessageId() throws Exception {
        Report brute = composer.group(events(), options("text", GroupBy.CONTACT, false)).reports().get(0);
        ComposedReport composed = composer.compose(brute, new ComposeOptions("text", GroupBy.CONTACT, false, false, true, Tlp.AMBER, REPORTER, "TST", 0));
        MimeMessage m = TestSupport.parse(composed.message().mime());
        assertTrue(m.getSubject().startsWith("[" + brute.ticketId() + "]"), m.getSubject());
        assertTrue(m.getMessageID().startsWith("<" + brute.ticketId() + "."), m.getMessageID());
        assertTrue(m.getMessageID().endsWith("@csirt.example.org>"), m.getMessageID());
        assertEquals("abuse@net-a.example, noc@net-a.example", m.getHeader("To", ", "));
        assertTrue(m.getFrom()[0].toString().contains("cert@csirt.example.org"));
        var mp = liaison.report.JakartaMail.multipart(m);
        String body = new String(mp.getBodyPart(0).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(body.contains("2026-11-20 09:15:02 UTC (2026-11-20T10:15:02+01:00)"), body);
        assertTrue(body.contains("Failed password for root from 192.0.2.10 port 51022"), body);
        assertTrue(body.contains(brute.requestedAction()), body);
        assertTrue(mp.getBodyPart(1).isMimeType("text/csv"), "the CSV attachment option");
        String csv = new String(mp.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(4, csv.lines().count(), csv);
        assertTrue(csv.lines().skip(1).findFirst().get().startsWith("2026-11-20T09:15:02Z,2026-11-20T10:15:02+01:00,192.0.2.10,51022,"), csv);
    }

    @Test
    void userTemplatesFromTheWorkspaceReplaceTheBuiltInOne() throws Exception {
        Report brute = composer.group(events(), options("text", GroupBy.CONTACT, false)).reports().get(0);
        Path dir = Files.createDirectories(workspace.resolve("templates/text"));
        Path template = dir.resolve("brute-force.txt");
        Files.writeString(template, "Brute force from your network, {{count}} attempts\nHello,\n{{#evidence}}\n* {{source.ip}} at {{time.utc}}\n{{/evidence}}\nThanks, {{team}}\n");
        try {
            var rendered = composer.render(brute, "text");
            assertEquals("Brute force from your network, 3 attempts", rendered.subject());
            String body = new String(rendered.parts().get(0).content(), StandardCharsets.UTF_8);
            assertEquals("Hello,\n* 192.0.2.10 at 2026-11-20 09:15:02 UTC\n* 192.0.2.11 at 2026-11-20 09:17:40 UTC\n"
                    + "* 192.0.2.10 at 2026-11-20 09:18:00 UTC\nThanks, CERT-Test\n", body);
            MimeMessage m = TestSupport.parse(composer.compose(brute, options("text", GroupBy.CONTACT, false)).message().mime());
            assertEquals("[" + brute.ticketId() + "] Brute force from your network, 3 attempts", m.getSubject(),
                    "the ticket id is added to a subject that lacks it");

            Files.writeString(template, "Broken\n{{#evidence}} never closed\n");
            Files.setLastModifiedTime(template, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
            InputException broken = assertThrows(InputException.class, () -> composer.render(brute, "text"));
            assertTrue(broken.getMessage().startsWith(template.toString()), broken.getMessage());
        } finally {
            Files.delete(template);
        }
    }
}
