package liaison.constituency.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressAssociativeTrie;
import liaison.constituency.SyntheticWorld;

/**
 * Smallest containing range for random IPv4 addresses over the same nested ranges: Liaison's index
 * against seancfoley/IPAddress's associative trie (longest prefix match). The world is CIDR-only so
 * the trie can hold it; both return the id of the range found.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xmx6g" })
public class LookupBenchmark {

    private static final int BATCH = 1 << 16;

    @Param("1000000")
    int ranges;

    private Path dir;
    private IndexHandle index;
    private IPv4AddressAssociativeTrie<Integer> trie;
    private int[] addresses;
    private IPv4Address[] trieAddresses;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        dir = Files.createTempDirectory("liaison-bench");
        List<long[]> spans = new ArrayList<>();
        trie = new IPv4AddressAssociativeTrie<>();
        Path dump = dir.resolve("world.db.gz");
        Worlds.write(dump, new SyntheticWorld.Options(1, ranges, true, 0, 0), (v6, fHi, fLo, lHi, lLo, key, irt, abuse) -> {
            spans.add(new long[] { fLo, lLo });
            int len = 32 - Long.numberOfTrailingZeros(lLo - fLo + 1);
            trie.put(new IPv4Address((int) fLo, len).toPrefixBlock(), spans.size() - 1);
        });
        index = Worlds.load(dir.resolve("index"), List.of(dump));
        SplittableRandom random = new SplittableRandom(3);
        addresses = new int[BATCH];
        trieAddresses = new IPv4Address[BATCH];
        spans.sort(Comparator.comparingLong(s -> s[0]));
        for (int i = 0; i < BATCH; i++) {
            long[] s = spans.get(random.nextInt(spans.size()));
            long a = s[0] + random.nextLong(s[1] - s[0] + 1);
            addresses[i] = (int) a;
            trieAddresses[i] = new IPv4Address((int) a);
        }
        for (int i = 0; i < 1000; i++) { // both find a range for the same address
            if ((index.smallestV4(addresses[i]) < 0) != (trie.longestPrefixMatchNode(trieAddresses[i]) == null)) {
                throw new IllegalStateException("the index and the trie disagree on " + trieAddresses[i]);
            }
        }
        long bytes = index.tableBytes();
        System.out.printf("%n[constituency] %d ranges, index range tables %d bytes = %.1f bytes per range%n", index.ranges(), bytes,
                (double) bytes / index.ranges());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void liaisonIndex(Blackhole bh) {
        for (int a : addresses) {
            bh.consume(index.smallestV4(a));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void ipaddressTrie(Blackhole bh) {
        for (IPv4Address a : trieAddresses) {
            var node = trie.longestPrefixMatchNode(a);
            bh.consume(node == null ? -1 : node.getValue());
        }
    }
}
