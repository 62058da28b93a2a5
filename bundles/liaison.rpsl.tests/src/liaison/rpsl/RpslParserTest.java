package liaison.rpsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import liaison.api.InputException;

class RpslParserTest {

    static Path corpus(String relative) {
        return Path.of(System.getProperty("liaison.corpus", "../../../shared/corpus")).resolve(relative);
    }

    @Test
    void continuationLinesCommentsAndOrder() throws Exception {
        String text = """
                % This is the RIPE Database query service.
                % Abuse contact for '193.0.0.0 - 193.0.7.255' is 'abuse@ripe.net'

                inetnum:        193.0.0.0 - 193.0.7.255
                netname:        RIPE-NCC   # the NCC itself
                descr:          RIPE Network Coordination Centre
                \tAmsterdam
                +
                 Netherlands
                Country:        NL
                mnt-irt:        IRT-RIPE-NCC, IRT-SECOND
                mnt-irt:        IRT-THIRD
                # a comment line inside the object
                source:         RIPE

                % Information related to 'AS3333'
                """;
        RpslDocument doc = RpslParser.parse("answer", text);
        assertEquals(1, doc.objects().size());
        assertEquals(List.of("This is the RIPE Database query service.",
                "Abuse contact for '193.0.0.0 - 193.0.7.255' is 'abuse@ripe.net'", "Information related to 'AS3333'"),
                doc.serverComments());
        RpslObject o = doc.objects().get(0);
        assertEquals("inetnum", o.type());
        assertEquals("193.0.0.0 - 193.0.7.255", o.key());
        assertEquals(4, o.line());
        assertEquals(List.of("inetnum", "netname", "descr", "country", "mnt-irt", "mnt-irt", "source"),
                o.attributes().stream().map(RpslAttribute::name).toList(), "order kept, names lower-cased");
        assertEquals("RIPE-NCC", o.get("netname").orElseThrow());
        assertEquals("the NCC itself", o.attributes().get(1).comment());
        assertEquals("RIPE Network Coordination Centre\nAmsterdam\n\nNetherlands", o.attributes().get(2).value());
        assertEquals("NL", o.get("COUNTRY").orElseThrow(), "lookup is case-insensitive");
        assertEquals(List.of("IRT-RIPE-NCC", "IRT-SECOND", "IRT-THIRD"), o.getList("mnt-irt"));
        assertEquals(10, o.attributes().get(3).line());
    }

    @Test
    void errorsNameObjectAttributeAndLine() {
        String text = "role:  Abuse Team\nnic-hdl: AT1-TEST\nthis line is not an attribute\nsource: TEST\n";
        InputException e = assertThrows(InputException.class, () -> RpslParser.parse("dump.db", text));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("dump.db:3:1: object 'role: Abuse Team'"), e.getMessage());

        InputException lead = assertThrows(InputException.class, () -> RpslParser.parse("x", "  continues nothing\n"));
        assertEquals(1, lead.line());
        assertTrue(lead.getMessage().contains("continuation line without an attribute"), lead.getMessage());
    }

    @Test
    void roundTripsThroughText() throws Exception {
        RpslObject o = RpslObject.parse("irt: IRT-EXAMPLE\naddress: line one\n line two\ne-mail: irt@example.net\n");
        assertEquals(o, RpslObject.parse(o.toString()));
    }

    @Test
    void ripeTestDumpParsesCompletely() throws Exception {
        Path dump = corpus("ripe-ncc-whois/rpsl-dumps/TEST.db");
        String text = Files.readString(dump, StandardCharsets.ISO_8859_1);
        long paragraphs = java.util.Arrays.stream(text.split("\n\\s*\n")).map(String::strip)
                .filter(p -> !p.isEmpty() && !p.startsWith("#")).count();
        RpslDocument doc = RpslParser.parse(dump.toString(), text);
        assertEquals(paragraphs, doc.objects().size());
        RpslObject first = doc.objects().get(0);
        assertEquals("person", first.type());
        assertEquals("John Smith", first.key());
        assertEquals("Example LTD High street 12 St.Mery Mead Essex, UK", first.get("address").orElseThrow(),
                "continuation lines indented with spaces and tabs");
        assertEquals("abuse@example.com", first.get("abuse-mailbox").orElseThrow());
    }

    @Test
    void readerStreamsObjectsOneByOne() throws Exception {
        Path dump = corpus("ripe-ncc-whois/rpsl-dumps/TEST_BOOTSTRAP_LOAD_DUMP.db");
        try (RpslReader reader = new RpslReader(dump.toString(), Files.newBufferedReader(dump, StandardCharsets.ISO_8859_1), null)) {
            int n = 0;
            for (RpslObject o; (o = reader.next()) != null;) {
                assertFalse(o.attributes().isEmpty());
                n++;
            }
            assertTrue(n > 1, "several objects: " + n);
            assertNull(reader.next(), "end stays the end");
        }
    }

    @Test
    void charsets() throws Exception {
        byte[] latin1 = "person: J\u00fcrgen M\u00fcller\nsource: RIPE\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("J\u00fcrgen M\u00fcller", RpslParser.parse("ripe", latin1, StandardCharsets.ISO_8859_1).objects().get(0).key());
        assertEquals("J\u00fcrgen M\u00fcller", RpslParser.parse("auto", latin1, null).objects().get(0).key(),
                "bytes that are not UTF-8 fall back to ISO-8859-1");

        byte[] utf8 = "person: \uc815\ubcf4\nsource: KRNIC\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("\uc815\ubcf4", RpslParser.parse("krnic", utf8, null).objects().get(0).key());

        byte[] jis = "a. [\u30cd\u30c3\u30c8\u30ef\u30fc\u30af\u756a\u53f7] 192.0.2.0/24\n".getBytes(RpslParser.ISO_2022_JP);
        assertTrue(RpslParser.decode("jpnic", jis, StandardCharsets.UTF_8).contains("\u30cd\u30c3\u30c8\u30ef\u30fc\u30af\u756a\u53f7"),
                "ISO-2022-JP is recognised by its escape sequences");

        byte[] broken = { 'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n' };
        InputException e = assertThrows(InputException.class, () -> RpslParser.decode("whois.example", broken, StandardCharsets.UTF_8));
        assertEquals(4, e.column(), "byte offset of the invalid sequence");
    }

    @Test
    void grsDumpInLatin1() throws IOException, InputException {
        Path lacnic = corpus("ripe-ncc-whois/grs-dumps/lacnic.test");
        RpslDocument doc = RpslParser.parse(lacnic.toString(), Files.readAllBytes(lacnic), null);
        assertFalse(doc.objects().isEmpty());
    }
}
