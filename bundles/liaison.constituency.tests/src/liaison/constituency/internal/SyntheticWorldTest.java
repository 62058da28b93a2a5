package liaison.constituency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liaison.api.model.IpAddress;
import liaison.constituency.ConstituencyIndex;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadProgress;
import liaison.constituency.LoadReport;
import liaison.constituency.Mapping;
import liaison.constituency.SyntheticWorld;

/**
 * A generated world of nested CIDR and non-CIDR ranges: every answer of the index equals a brute-force
 * scan over the ranges the generator reported, with the irt and abuse mailbox the generator derived
 * from its own hierarchy.
 */
class SyntheticWorldTest {

    record Truth(boolean v6, long fHi, long fLo, long lHi, long lLo, String key, String irt, String abuse) {
        boolean contains(long hi, long lo) {
            return RangeTable.compare(fHi, fLo, hi, lo) <= 0 && RangeTable.compare(lHi, lLo, hi, lo) >= 0;
        }

        java.math.BigInteger size() {
            return unsigned(lHi, lLo).subtract(unsigned(fHi, fLo));
        }

        static java.math.BigInteger unsigned(long hi, long lo) {
            return new java.math.BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).or(new java.math.BigInteger(Long.toUnsignedString(lo)));
        }
    }

    @TempDir
    Path tmp;

    @Test
    void indexAgreesWithTheGeneratorsHierarchy() throws Exception {
        List<Truth> truth = new ArrayList<>();
        Path dump = tmp.resolve("gen.db.gz");
        SyntheticWorld.Stats stats;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dump), 1 << 16)) {
            stats = new SyntheticWorld(new SyntheticWorld.Options(7, 20_000, false, 0.2, 0)).write(out,
                    (v6, fHi, fLo, lHi, lLo, key, irt, abuse) -> truth.add(new Truth(v6, fHi, fLo, lHi, lLo, key, irt, abuse)));
        }
        assertEquals(20_000, stats.ranges());
        LoadReport report = new ConstituencyComponent().load(tmp.resolve("index"), List.of(dump), LoadOptions.STRICT, LoadProgress.NONE);
        assertEquals(stats.objects(), report.loaded().get(0).objects());
        try (ConstituencyIndex index = new ConstituencyComponent().open(tmp.resolve("index"))) {
            SplittableRandom random = new SplittableRandom(11);
            List<Truth> v4 = truth.stream().filter(t -> !t.v6()).toList();
            List<Truth> v6 = truth.stream().filter(Truth::v6).toList();
            for (int i = 0; i < 400; i++) {
                boolean six = i % 4 == 0;
                Truth around = (six ? v6 : v4).get(random.nextInt((six ? v6 : v4).size()));
                long hi = six ? around.fHi() + random.nextLong(Math.max(1, around.lHi() - around.fHi() + 1)) : 0;
                long lo = six ? random.nextLong() : around.fLo() + random.nextLong(around.lLo() - around.fLo() + 1) + random.nextInt(3) - 1;
                Truth expected = null;
                for (Truth t : six ? v6 : v4) {
                    if (t.contains(hi, lo) && (expected == null || t.size().compareTo(expected.size()) < 0)) {
                        expected = t;
                    }
                }
                IpAddress address = IpAddress.parse(six ? Ip.v6(hi, lo) : Ip.v4(lo));
                Mapping m = index.map(address);
                assertEquals(expected == null ? null : expected.key(), m.inetnum() == null ? null : m.inetnum().resource(), address.text());
                assertEquals(expected == null ? null : expected.irt(), m.irt(), address.text());
                assertEquals(expected == null ? null : expected.abuse(), m.abuseMailbox(), address.text());
            }
        }
    }
}
