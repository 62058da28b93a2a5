package liaison.whois;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import liaison.rpsl.RpslObject;
import liaison.rpsl.RpslParser;

/** The abuse-mailbox cases the CERT-Bund contact database meets in RIPE's role objects (SOURCES.md). */
class MailboxesTest {

    private static List<List<String>> mailboxes(String file) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Recorded.corpus("intelmq-certbund-contact/ripe/" + file)))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return RpslParser.parse(file, text).ofType("role").stream().map(RpslObject.class::cast)
                    .map(o -> Mailboxes.normaliseAll(o.getAll("abuse-mailbox"))).toList();
        }
    }

    @Test
    void simpleAndUpperCase() throws Exception {
        assertEquals(List.of(List.of("null@example.com")), mailboxes("role_simple.txt.gz"));
        assertEquals(List.of(List.of("null@example.com")), mailboxes("role_simple_uppercase.txt.gz"));
    }

    @Test
    void displayNames() throws Exception {
        assertEquals(List.of(List.of("abuse@novaposhta.ua"), List.of("abuse@icloudhosting.com")), mailboxes("role_display_name.txt.gz"));
    }

    @Test
    void trailingCommaAndComment() throws Exception {
        assertEquals(List.of(List.of("abuse@crimeainfo.com"), List.of("abuse@cxl.zone")), mailboxes("role_trailing_comment.txt.gz"));
    }

    @Test
    void quotedLocalPartsKeptVerbatim() throws Exception {
        assertEquals(List.of(List.of("\"r:[/r/]*4;e'*&m'\"@fenix.international"), List.of("\"abuse contact\"@example.com")),
                mailboxes("role_special_characters.txt.gz"));
    }

    @Test
    void severalAddressesInOneValue() throws Exception {
        assertEquals(List.of(List.of("abuse@example.com", "abuse@example.net"), List.of("abuse@example.com", "abuse@example.net"),
                List.of("\"abuse contact\"@example.com", "abuse@example.com")), mailboxes("role_multiple_addresses.txt.gz"));
    }

    @Test
    void addressesInFreeText() {
        assertEquals(List.of("abuse@bora.net"), Mailboxes.inText("If related with spam, send mail to abuse@bora.net"));
        assertEquals(List.of("mailto@x.example"), Mailboxes.normalise("<mailto:MAILTO@X.Example>"));
        assertEquals(List.of(), Mailboxes.normalise("not an address"));
    }
}
