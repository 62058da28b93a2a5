package liaison.constituency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liaison.api.model.Asn;
import liaison.api.model.IpAddress;
import liaison.constituency.Claim;
import liaison.constituency.Claim.Layer;
import liaison.constituency.ConstituencyIndex;
import liaison.constituency.Dataset;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadProgress;
import liaison.constituency.LoadReport;
import liaison.constituency.Mapping;
import liaison.rpsl.RpslObject;
import liaison.rpsl.RpslParser;

/** Real data written by others: RIPE's TEST dump and NRTM sample, APNIC's KRNIC objects, five RIRs' statistics. */
class CorpusTest {

    @TempDir
    Path tmp;

    static Path corpus(String relative) {
        return Path.of(System.getProperty("liaison.corpus", "../../../shared/corpus")).resolve(relative);
    }

    private final ConstituencyComponent service = new ConstituencyComponent();

    @Test
    void ripeTestDumpLoadsStrictlyAndAnswers() throws Exception {
        LoadReport r = service.load(tmp, List.of(corpus("ripe-ncc-whois/rpsl-dumps/TEST.db")), LoadOptions.STRICT, LoadProgress.NONE);
        Dataset d = r.loaded().get(0);
        assertEquals("TEST.db", d.name());
        assertEquals("rpsl", d.kind());
        // counted independently by liaison.rpsl's parser
        List<RpslObject> objects = RpslParser.parse("TEST.db", Files.readString(corpus("ripe-ncc-whois/rpsl-dumps/TEST.db"),
                StandardCharsets.ISO_8859_1)).objects();
        assertEquals(objects.size(), d.objects());
        long ranges = objects.stream().filter(o -> List.of("inetnum", "inet6num", "aut-num").contains(o.type())).count();
        assertEquals(ranges, d.ranges());
        assertEquals(List.of("TEST"), d.sources());
        try (ConstituencyIndex index = service.open(tmp)) {
            Mapping m = index.map(IpAddress.parse("10.11.11.5"));
            assertEquals("10.11.11.0 - 10.11.11.255", m.inetnum().resource());
            assertEquals("Example-Network", m.inetnum().netname());
            List<Claim> claims = m.claims();
            assertEquals("10.0.0.0 - 10.255.255.255", claims.get(1).resource());
            assertEquals("0.0.0.0 - 255.255.255.255", claims.get(claims.size() - 1).resource());
            assertEquals("0::/0", index.smallest(IpAddress.parse("2001:db8::1")).orElseThrow().resource().replace(" ", ""));
            assertEquals("Test-AS-2", index.objects("AS101111").get(0).object().get("as-name").orElseThrow());
        }
    }

    @Test
    void krnicObjectsGiveTheIrtMailbox() throws Exception {
        List<Path> files = List.of(corpus("apnic-rdapd/rpsl/inetnum.db"), corpus("apnic-rdapd/rpsl/inet6num.db"),
                corpus("apnic-rdapd/rpsl/entity.db"), corpus("apnic-rdapd/rpsl/autnum.db"));
        // APNIC's person objects carry attributes RIPE's template lacks (country): read leniently
        service.load(tmp, files, LoadOptions.LENIENT, LoadProgress.NONE);
        try (ConstituencyIndex index = service.open(tmp)) {
            Mapping m = index.map(IpAddress.parse("1.11.0.1"));
            assertEquals("1.11.0.0 - 1.11.255.255", m.inetnum().resource());
            assertEquals("IRT-KRNIC-KR", m.irt());
            assertEquals("hostmaster@nic.or.kr", m.irtEmail());
            assertEquals("IRT-KRNIC-KR", index.map(IpAddress.parse("2001:220::1")).irt());
            assertEquals("2001:0220::/32", index.map(IpAddress.parse("2001:220::1")).inetnum().resource(), "the key as written");
        }
    }

    @Test
    void nrtmSampleInetnumsWithMntIrtAnswerMinusC() throws Exception {
        List<RpslObject> objects = nrtmLastObjects();
        Path dump = tmp.resolve("nrtm-last.db");
        StringBuilder text = new StringBuilder();
        objects.forEach(o -> text.append(o).append('\n'));
        Files.writeString(dump, text, StandardCharsets.ISO_8859_1);
        service.load(tmp.resolve("index"), List.of(dump), LoadOptions.LENIENT, LoadProgress.NONE);
        List<RpslObject> withIrt = objects.stream().filter(o -> o.type().equals("inetnum") && o.has("mnt-irt")).toList();
        assertFalse(withIrt.isEmpty());
        try (ConstituencyIndex index = service.open(tmp.resolve("index"))) {
            for (RpslObject o : withIrt) {
                IpAddress first = IpAddress.parse(o.key().split("-")[0].strip());
                assertEquals(o.getList("mnt-irt").get(0), index.map(first).irt(), o.key());
                assertEquals(o.key(), index.irtRange(first).orElseThrow().resource(), o.key());
            }
        }
    }

    /**
     * The objects of the NRTM sample, latest version per primary key: the RPSL text of the `history`
     * and `last` tables in serial order (the irt references are in versions since deleted).
     */
    private static List<RpslObject> nrtmLastObjects() throws Exception {
        String sql = Files.readString(corpus("ripe-ncc-whois/nrtm/nrtm_sample.sql"), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("INSERT INTO `(?:history|last)` VALUES \\(\\d+,\\d+,\\d+,\\d+,'((?:[^'\\\\]|\\\\.)*)'").matcher(sql);
        java.util.Map<String, RpslObject> latest = new java.util.LinkedHashMap<>();
        while (m.find()) {
            String rpsl = m.group(1).replace("\\n", "\n").replace("\\'", "'").replace("\\\\", "\\");
            if (!rpsl.isBlank()) {
                RpslObject o = RpslObject.parse(rpsl);
                latest.put(o.type() + " " + o.key(), o);
            }
        }
        return new ArrayList<>(latest.values());
    }

    @Test
    void delegatedStatisticsOfFiveRegistries() throws Exception {
        List<Path> files = List.of(corpus("ripe-ncc-whois/delegated-stats/delegated-ripencc-extended-latest.gz"),
                corpus("ripe-ncc-whois/delegated-stats/delegated-apnic-extended-latest.gz"),
                corpus("rir-delegated-stats/delegated-afrinic-extended-latest"),
                corpus("rir-delegated-stats/delegated-lacnic-extended-latest"),
                corpus("ripe-ncc-whois/delegated-stats/delegated-test"));
        LoadReport r = service.load(tmp, files, LoadOptions.STRICT, LoadProgress.NONE);
        assertTrue(r.loaded().stream().allMatch(d -> d.kind().equals("delegated")));
        assertEquals(List.of("ripencc"), r.loaded().get(0).sources());
        try (ConstituencyIndex index = service.open(tmp)) {
            // "ripencc|FR|ipv4|2.0.0.0|1048576|20100712|allocated"
            Claim fr = statistics(index.claims(IpAddress.parse("2.1.2.3")), "ripencc");
            assertEquals("2.0.0.0/12", fr.resource());
            assertEquals("FR", fr.country());
            assertEquals("allocated", fr.status());
            // "apnic|AU|ipv4|1.0.0.0|256|20110811|assigned|A9173591"
            assertEquals("AU", statistics(index.claims(IpAddress.parse("1.0.0.77")), "apnic").country());
            // "lacnic|BR|ipv4|24.152.0.0|1024|20200310|allocated|310248"
            assertEquals("24.152.0.0/22", statistics(index.claims(IpAddress.parse("24.152.3.255")), "lacnic").resource());
            // "afrinic|ZA|asn|1228|1|19910301|allocated|F36B9F4B"
            assertEquals("ZA", statistics(index.claims(new Asn(1228)), "afrinic").country());
            // "ripencc|EU|ipv6|2001:600::|32|19990826|allocated", "lacnic|MX|ipv6|2001:1200::|32|..."
            assertEquals("2001:600::/32", statistics(index.claims(IpAddress.parse("2001:600:1::1")), "ripencc").resource());
            assertEquals("MX", statistics(index.claims(IpAddress.parse("2001:1200::1")), "lacnic").country());
            // delegated-test: "test||ipv4|0.0.0.0|4294967295|..." covers all but the last address
            assertEquals("test", statistics(index.claims(IpAddress.parse("10.0.0.1")), "test").owner());
            assertTrue(index.claims(IpAddress.parse("255.255.255.255")).isEmpty());
        }
    }

    private static Claim statistics(List<Claim> claims, String registry) {
        return claims.stream().filter(c -> c.layer() == Layer.STATISTICS && c.owner().equals(registry)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + registry + " claim in " + claims));
    }

    @Test
    void ripeLoadDumpsLoadTogether() throws IOException, Exception {
        LoadReport r = service.load(tmp, List.of(corpus("ripe-ncc-whois/rpsl-dumps/TEST_BOOTSTRAP_LOAD_DUMP.db"),
                corpus("ripe-ncc-whois/rpsl-dumps/TEST_ADDITIONAL_LOAD_DUMP.db")), LoadOptions.STRICT, LoadProgress.NONE);
        assertEquals(2, r.datasets().size());
        try (ConstituencyIndex index = service.open(tmp)) {
            assertEquals("role", index.objects("aa2-test").get(0).object().type());
        }
    }
}
