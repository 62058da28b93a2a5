package liaison.whois;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import liaison.api.model.IpRange;
import liaison.replay.RecordedCorpus;
import liaison.replay.Responders;
import liaison.replay.WhoisReplay;

/** JPNIC and KRNIC answers over the wire, in their charsets, from replay servers. */
class NirAnswersTest {

    private static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");

    @Test
    void jpnicEnglishAnswer() throws Exception {
        try (RecordedCorpus corpus = RecordedCorpus.start(Recorded.corpus(""))) {
            WhoisReplay jpnic = corpus.whois("whois.nic.ad.jp");
            WhoisResponse r = new WhoisClient().fetch(WhoisServer.of("whois.nic.ad.jp"), jpnic.address(), Registry.JPNIC.query(
                    liaison.api.model.IpAddress.parse("133.1.2.5")), Registry.JPNIC.charset(), WhoisLimits.DEFAULT);
            assertEquals(List.of("133.1.2.5/e"), jpnic.queries());
            WhoisAnswer a = WhoisAnswers.parse(r, Registry.JPNIC);
            NetworkRecord net = a.mostSpecific().orElseThrow();
            assertEquals(IpRange.parse("133.1.0.0/16"), net.range());
            assertEquals("OSAKAU-NET", net.name());
            assertEquals("Osaka University", net.org());
            assertEquals(List.of("MY22537JP"), net.handles("admin-c"));
            assertEquals(List.of("MY22537JP"), net.handles("tech-c"));
            assertEquals(Instant.parse("2015-01-14T00:00:00Z"), net.lastModified());
            assertEquals(1, a.networks().size(), "'Less Specific Info.' lists no further network");
        }
    }

    @Test
    void jpnicJapaneseLabelsInIso2022Jp() throws Exception {
        String japanese = """
                [ JPNIC\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u306f\u3001IP\u30a2\u30c9\u30ec\u30b9\u3068AS\u756a\u53f7\u306e\u60c5\u5831\u3092\u63d0\u4f9b\u3057\u307e\u3059 ]

                \u30cd\u30c3\u30c8\u30ef\u30fc\u30af\u60c5\u5831:
                a. [\u30cd\u30c3\u30c8\u30ef\u30fc\u30af\u756a\u53f7]     192.0.2.0/24
                b. [\u30cd\u30c3\u30c8\u30ef\u30fc\u30af\u540d]       EXAMPLE-NET
                g. [\u7d44\u7e54\u540d]             \u4f8b\u682a\u5f0f\u4f1a\u793e
                m. [\u7ba1\u7406\u8005\u9023\u7d61\u7a93\u53e3]     EX001JP
                n. [\u6280\u8853\u9023\u7d61\u62c5\u5f53\u8005]     EX002JP
                [\u6700\u7d42\u66f4\u65b0]           2020/04/01 10:00:00(JST)
                """;
        try (WhoisReplay jpnic = new WhoisReplay("whois.nic.ad.jp", Responders.bytes(japanese.getBytes(ISO_2022_JP)))) {
            WhoisResponse r = new WhoisClient().fetch(WhoisServer.of("whois.nic.ad.jp"), jpnic.address(), "192.0.2.1",
                    StandardCharsets.UTF_8, WhoisLimits.DEFAULT);
            assertTrue(r.text().contains("\u4f8b\u682a\u5f0f\u4f1a\u793e"), "ISO-2022-JP recognised whatever was declared");
            NetworkRecord net = WhoisAnswers.parse(r, Registry.JPNIC).mostSpecific().orElseThrow();
            assertEquals(IpRange.parse("192.0.2.0/24"), net.range());
            assertEquals("EXAMPLE-NET", net.name());
            assertEquals("\u4f8b\u682a\u5f0f\u4f1a\u793e", net.org());
            assertEquals(List.of("EX001JP"), net.handles("admin-c"));
            assertEquals(List.of("EX002JP"), net.handles("tech-c"));
        }
    }

    @Test
    void krnicAllocationAndAssignmentWithContacts() throws Exception {
        try (RecordedCorpus corpus = RecordedCorpus.start(Recorded.corpus(""))) {
            WhoisResponse r = new WhoisClient().fetch(WhoisServer.of("whois.kisa.or.kr"), corpus.whois("whois.kisa.or.kr").address(),
                    "115.1.2.3", Registry.KRNIC.charset(), WhoisLimits.DEFAULT);
            WhoisAnswer a = WhoisAnswers.parse(r, Registry.KRNIC);
            assertEquals(List.of(IpRange.parse("115.0.0.0 - 115.23.255.255"), IpRange.parse("115.1.2.0/26")),
                    a.networks().stream().map(NetworkRecord::range).toList(), "least specific first");
            NetworkRecord assignment = a.mostSpecific().orElseThrow();
            assertEquals("KT", assignment.org());
            assertEquals("CUSTOMER", assignment.status());
            String handle = assignment.handles("tech-c").get(0);
            assertEquals(List.of("kornet_ip@kt.com"), a.party(handle).orElseThrow().emails());
            assertEquals("+82-2-500-6630", a.party(handle).orElseThrow().phone());
        }
    }

    @Test
    void theReplayRecordsWhatItWasAsked() throws Exception {
        try (WhoisReplay r = new WhoisReplay("whois.example", Responders.recorded(Map.of("192.0.2.1", "ok\n"), StandardCharsets.UTF_8,
                "none\n"))) {
            WhoisResponse answer = new WhoisClient().fetch(WhoisServer.of("whois.example"), r.address(), "-c 192.0.2.1",
                    StandardCharsets.UTF_8, WhoisLimits.DEFAULT);
            assertEquals("ok\n", answer.text());
            assertEquals(List.of("-c 192.0.2.1"), r.queries());
        }
    }
}
