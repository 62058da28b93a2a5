package liaison.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import liaison.api.InputException;
import liaison.api.report.Report;
import liaison.report.ComposedReport;
import liaison.report.GroupBy;
import liaison.report.ReportComposer;
import liaison.report.arf.ArfReader;
import liaison.report.arf.FeedbackReport;

/** Each format's output checked by the format's own rules: the XARF v4 JSON schema, the IODEF 2 XSD, ARF read back. */
class FormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    private static List<ComposedReport> compose(String format, GroupBy groupBy) throws Exception {
        List<ComposedReport> out = new ArrayList<>();
        for (Report r : composer.group(ComposerTest.events(composer), ComposerTest.options(format, groupBy, false)).reports()) {
            out.add(composer.compose(r, ComposerTest.options(format, groupBy, false)));
        }
        return out;
    }

    private static List<BodyPart> parts(MimeMessage m, String type) throws Exception {
        List<BodyPart> out = new ArrayList<>();
        Multipart mp = liaison.report.JakartaMail.multipart(m);
        for (int i = 0; i < mp.getCount(); i++) {
            if (mp.getBodyPart(i).isMimeType(type)) {
                out.add(mp.getBodyPart(i));
            }
        }
        return out;
    }

    private static JsonSchema xarfSchema() {
        Path dir = TestSupport.corpus("xarf-spec/schemas/v4");
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix("https://xarf.org/schemas/v4/", dir.toUri().toString())));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of("https://xarf.org/schemas/v4/xarf-v4-master.json"), config);
    }

    @Test
    void xarfReportsAreValidV4OnePerEvent() throws Exception {
        JsonSchema schema = xarfSchema();
        // The validator is live: the specification's own sample passes, the same sample without a required field fails.
        // (Its contacts are moved from the reserved TLD .example to example.org: format "email" wants a real TLD.)
        JsonNode sample = JSON.readTree(Files.readString(TestSupport.corpus("xarf-spec/samples/v4/connection-login-attack.json"))
                .replace("@ssh-monitor.example\"", "@ssh-monitor.example.org\""));
        assertEquals(Set.of(), schema.validate(sample));
        ((ObjectNode) sample).remove("source_port");
        assertFalse(schema.validate(sample).isEmpty(), "login_attack from an IP without source_port is invalid");

        List<String> types = new ArrayList<>();
        for (GroupBy groupBy : GroupBy.values()) {
            for (ComposedReport c : compose("xarf", groupBy)) {
                MimeMessage m = TestSupport.parse(c.message().mime());
                List<BodyPart> json = parts(m, "application/json");
                assertEquals(c.report().evidence().size(), json.size(), "one XARF report per event");
                for (BodyPart p : json) {
                    JsonNode x = JSON.readTree(p.getInputStream());
                    Set<ValidationMessage> errors = schema.validate(x);
                    assertEquals(Set.of(), errors, x.toPrettyString());
                    assertEquals("cert@csirt.example.org", x.at("/reporter/contact").asText());
                    types.add(x.get("category").asText() + "/" + x.get("type").asText());
                }
            }
        }
        assertTrue(types.contains("connection/login_attack"), types.toString());
        assertTrue(types.contains("connection/port_scan"), types.toString());
        assertTrue(types.contains("reputation/threat_intelligence"), "the scan without source port cannot be a port_scan: " + types);
    }

    @Test
    void iodefDocumentsAreValidIodef2() throws Exception {
        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(TestSupport.schemas("iodef-2.0/iodef-2.0.xsd").toFile()).newValidator();
        // The schema is live: a document without the required GenerationTime is refused.
        String minimal = Files.readString(TestSupport.corpus("iodef-samples/iodef2stix-samplefiles/RFC7970_MinimalIODEF.xml"));
        validator.validate(new StreamSource(new java.io.StringReader(minimal)));
        assertThrows(org.xml.sax.SAXException.class, () -> validator.validate(new StreamSource(
                new java.io.StringReader(minimal.replaceAll("<GenerationTime>.*</GenerationTime>", "")))));

        for (ComposedReport c : compose("iodef", GroupBy.CONTACT)) {
            List<BodyPart> xml = parts(TestSupport.parse(c.message().mime()), "application/xml");
            assertEquals(1, xml.size());
            byte[] doc = xml.get(0).getInputStream().readAllBytes();
            validator.validate(new StreamSource(new ByteArrayInputStream(doc)));
            String text = new String(doc, StandardCharsets.UTF_8);
            assertTrue(text.contains("role=\"irt\""), text);
            assertTrue(text.contains("role=\"abuse\""), text);
            assertTrue(text.contains("<Expectation action=\"investigate\">"), text);
            assertTrue(text.contains(">" + c.report().ticketId() + "</IncidentID>"), text);
            if (c.report().type().type().equals("brute-force")) {
                assertTrue(text.contains("<RecordItem dtype=\"string\">Nov 20 10:15:02 hp1 sshd[441]: Failed password"), text);
                assertTrue(text.contains("<DetectTime>2026-11-20T10:15:02+01:00</DetectTime>"), text);
            }
        }
    }

    @Test
    void arfReportsReadBackAsFeedbackReports() throws Exception {
        ArfReader reader = new ArfReader();
        List<ComposedReport> arf = compose("arf", GroupBy.CONTACT);
        assertEquals(4, arf.size());
        for (ComposedReport c : arf) {
            MimeMessage m = TestSupport.parse(c.message().mime());
            assertTrue(m.isMimeType("multipart/report"), m.getContentType());
            assertTrue(m.getContentType().contains("report-type=feedback-report"), m.getContentType());
            FeedbackReport fb = reader.read(c.report().ticketId(), new ByteArrayInputStream(c.message().mime()));
            assertTrue(fb.standard());
            assertEquals("other", fb.feedbackType());
            assertEquals("1", fb.fields().get("version").get(0));
            assertEquals(c.report().resources().get(0).text(), fb.sourceIp());
            assertEquals(String.valueOf(c.report().evidence().size()), fb.fields().get("incidents").get(0));
            assertNotNull(fb.originalHeaders());
            assertTrue(fb.originalHeaders().contains("X-Liaison-Evidence: "), fb.originalHeaders());
        }
    }

    @Test
    void everyArfSampleOfTheCorpusReadsAsFeedbackReport() throws Exception {
        ArfReader reader = new ArfReader();
        List<Path> samples = new ArrayList<>();
        try (Stream<Path> sisimai = Files.list(TestSupport.corpus("arf-samples/sisimai-set-of-emails"));
                Stream<Path> abusix = Files.list(TestSupport.corpus("abusix-inbound-parsers/sample_mails"))) {
            sisimai.filter(p -> p.toString().endsWith(".eml")).forEach(samples::add);
            abusix.filter(p -> p.getFileName().toString().startsWith("01_marf") && !p.toString().endsWith(".json")).forEach(samples::add);
        }
        assertTrue(samples.size() >= 60, "samples found: " + samples.size());
        int standard = 0;
        for (Path p : samples.stream().sorted().toList()) {
            try (InputStream in = Files.newInputStream(p)) {
                FeedbackReport fb = reader.read(p.toString(), in);
                assertNotNull(fb.feedbackType(), p.toString());
                standard += fb.standard() ? 1 : 0;
            }
        }
        assertTrue(standard >= samples.size() - 6, standard + " of " + samples.size() + " in RFC 5965 form");

        FeedbackReport one = reader.read("01_marf.ephemeron.spam.0.eml",
                Files.newInputStream(TestSupport.corpus("abusix-inbound-parsers/sample_mails/01_marf.ephemeron.spam.0.eml")));
        assertEquals("spam", one.feedbackType());
        assertEquals("46.11.240.1", one.sourceIp());
        assertEquals("report_spam/1.61", one.userAgent());

        InputException notArf = assertThrows(InputException.class, () -> reader.read("plain.eml",
                new ByteArrayInputStream("From: a@b.example\r\nSubject: hi\r\n\r\nhello\r\n".getBytes())));
        assertTrue(notArf.getMessage().startsWith("plain.eml"), notArf.getMessage());
    }
}
