package liaison.constituency.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a generated gzip dump into a fresh index (parse, dataset files, index build), single shot.
 * releng/bench times {@code zcat FILE | wc -l} on the same file as the peer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xmx8g" })
public class ImportBenchmark {

    /** The dump to load; releng/bench passes the generated file. */
    @Param("")
    String file;

    private Path dir;

    @Setup(Level.Iteration)
    public void setup() throws Exception {
        if (file.isEmpty()) {
            throw new IllegalStateException("-p file=DUMP.gz is required (releng/bench import generates one)");
        }
        dir = Files.createTempDirectory("liaison-import");
    }

    @TearDown(Level.Iteration)
    public void tearDown() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public long load() throws Exception {
        try (IndexHandle index = Worlds.load(dir, List.of(Path.of(file)))) {
            return index.ranges();
        }
    }
}
