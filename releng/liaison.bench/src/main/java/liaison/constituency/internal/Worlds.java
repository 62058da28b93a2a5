package liaison.constituency.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import liaison.api.LiaisonException;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadProgress;
import liaison.constituency.SyntheticWorld;

/** Generated worlds for the constituency benchmarks, and a command to write one: {@code Worlds FILE.gz RANGES PADDING}. */
public final class Worlds {

    private Worlds() {
    }

    /** Writes a world as a gzip dump. */
    public static SyntheticWorld.Stats write(Path file, SyntheticWorld.Options options, SyntheticWorld.Listener listener)
            throws IOException {
        try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 20)) {
            return new SyntheticWorld(options).write(out, listener);
        }
    }

    /** Loads files into an index directory and opens it, outside OSGi. */
    public static IndexHandle load(Path dir, List<Path> files) throws LiaisonException {
        ConstituencyComponent service = new ConstituencyComponent();
        service.load(dir, files, LoadOptions.STRICT, LoadProgress.NONE);
        return (IndexHandle) service.open(dir);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: Worlds FILE.gz RANGES PADDING   (PADDING: remarks lines per range, to reach a size)");
            System.exit(2);
        }
        SyntheticWorld.Stats s = write(Path.of(args[0]), new SyntheticWorld.Options(42, Integer.parseInt(args[1]), false, 0.15,
                Integer.parseInt(args[2])), null);
        System.out.printf("%s: %d objects, %d ranges, %d bytes uncompressed%n", args[0], s.objects(), s.ranges(), s.bytes());
    }
}
