package liaison.constituency.internal;

import java.nio.file.Path;

/**
 * Names and numbers of an index directory: {@code CURRENT} names the live index file; each index
 * file names the dataset files it was built from. Files are never changed once written, so a reader
 * that mapped them keeps a consistent snapshot while a load writes the next generation.
 */
final class IndexFormat {

    static final long MAGIC = 0x5844_4953_4941_494CL; // "LIAISIDX" little-endian
    /** 2: object files hold the input text as read (1 held length-prefixed objects). */
    static final int VERSION = 2;
    static final String CURRENT = "CURRENT";
    static final String LOCK = "lock";

    /** Range tables: layer x family. */
    static final int LAYERS = 3; // registry, directory, statistics (Claim.Layer order)
    static final int FAMILIES = 3; // IPv4, IPv6, ASN
    static final int V4 = 0;
    static final int V6 = 1;
    static final int ASN = 2;

    /** Bits of an object reference holding the offset in the dataset's object file. */
    static final int OFFSET_BITS = 40;

    private IndexFormat() {
    }

    static int table(int layer, int family) {
        return layer * FAMILIES + family;
    }

    static int width(int family) {
        return family == V6 ? 16 : 4;
    }

    static long objectRef(int dataset, long offset) {
        return offset < 0 ? -1 : ((long) dataset << OFFSET_BITS) | offset;
    }

    static Path indexFile(Path dir, long generation) {
        return dir.resolve(String.format("index.%06d.idx", generation));
    }

    static Path objectFile(Path dir, String base) {
        return dir.resolve(base + ".obj");
    }

    static Path recordFile(Path dir, String base) {
        return dir.resolve(base + ".rec");
    }

    /** Layer and family of a range record kind. */
    static int layerOf(int kind) {
        return switch (kind) {
            case DatasetWriter.INETNUM, DatasetWriter.INET6NUM, DatasetWriter.AUTNUM -> 0;
            case DatasetWriter.TEAM4, DatasetWriter.TEAM6, DatasetWriter.TEAM_ASN -> 1;
            default -> 2;
        };
    }

    static int familyOf(int kind) {
        return switch (kind) {
            case DatasetWriter.INETNUM, DatasetWriter.STAT4, DatasetWriter.TEAM4 -> V4;
            case DatasetWriter.INET6NUM, DatasetWriter.STAT6, DatasetWriter.TEAM6 -> V6;
            default -> ASN;
        };
    }
}
