package liaison.rpsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

/** KRNIC objects as APNIC serves them (APNIC's rdapd test data): template markers, filtered values, irt. */
class RpslNirObjectsTest {

    @Test
    void templateMarkersAndInlineCommentsAreNotObjects() throws Exception {
        String text = Files.readString(RpslParserTest.corpus("apnic-rdapd/rpsl/inetnum_with_comments.db"), StandardCharsets.UTF_8);
        RpslDocument doc = RpslParser.parse("inetnum_with_comments.db", text);
        assertEquals(List.of("1.11.0.0 - 1.11.255.255", "1.16.0.0 - 1.16.63.255"), doc.objects().stream().map(RpslObject::key).toList());
        RpslObject daou = doc.objects().get(1);
        assertEquals(List.of("IRT-KRNIC-KR"), daou.getList("mnt-irt"), "the '# Another comment' line inside the object is skipped");
        assertEquals("KRNIC", daou.get("source").orElseThrow());
    }

    @Test
    void irtWithFilteredAuthAndPersonsWithEmptyValues() throws Exception {
        String text = Files.readString(RpslParserTest.corpus("apnic-rdapd/rpsl/entity.db"), StandardCharsets.UTF_8);
        RpslDocument doc = RpslParser.parse("entity.db", text);
        RpslObject irt = doc.ofType("irt").get(0);
        assertEquals("IRT-KRNIC-KR", irt.key());
        assertEquals(List.of("hostmaster@nic.or.kr"), irt.getAll("abuse-mailbox"));
        RpslAttribute auth = irt.attributes().stream().filter(a -> a.name().equals("auth")).findFirst().orElseThrow();
        assertEquals("", auth.value(), "'auth: # Filtered' has no value");
        assertEquals("Filtered", auth.comment());
        assertEquals(List.of(), RpslTemplates.check(irt), "a valid irt by ripe-254's template");
        RpslObject second = doc.ofType("person").get(1);
        assertEquals(List.of("Seoul Yongsan-gu", ""), second.getAll("address"));
        assertNull(second.attributes().get(2).comment());
    }
}
