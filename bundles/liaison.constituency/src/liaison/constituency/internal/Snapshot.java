package liaison.constituency.internal;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import liaison.api.InputException;
import liaison.rpsl.RpslObject;
import liaison.rpsl.RpslParser;

/**
 * One generation of an index directory, memory-mapped: opening costs the mapping and copying the
 * search keys, independent of how many objects the datasets hold. Object text is read on demand from
 * the datasets' object files.
 */
final class Snapshot {

    private static final Cleaner CLEANER = Cleaner.create();

    final Path dir;
    final String indexFile;
    final List<DatasetEntry> datasets;
    final RangeTable[] tables;
    private final ByteBuffer pool;
    private final int keyCount;
    private final int keyCap;
    private final IntBuffer keyRef;
    private final IntBuffer keyType;
    private final IntBuffer keyAttr;
    private final LongBuffer keyObj;
    private final IntBuffer keySlots;
    /** Team claims on domain suffixes and countries: name → attr texts. */
    final Map<String, List<String>> teamDomains = new HashMap<>();
    final Map<String, List<String>> teamCountries = new HashMap<>();
    private final FileChannel[] objectFiles;

    /** The snapshot CURRENT names; an empty one when nothing was loaded yet. */
    static Snapshot open(Path dir) throws IOException {
        String name;
        try {
            name = Files.readString(dir.resolve(IndexFormat.CURRENT), StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return new Snapshot(dir);
        }
        return new Snapshot(dir, name);
    }

    /** Reads which index file is current without opening it. */
    static String current(Path dir) throws IOException {
        try {
            return Files.readString(dir.resolve(IndexFormat.CURRENT), StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private Snapshot(Path dir) {
        this.dir = dir;
        this.indexFile = null;
        this.datasets = List.of();
        this.tables = new RangeTable[IndexFormat.LAYERS * IndexFormat.FAMILIES];
        for (int t = 0; t < tables.length; t++) {
            tables[t] = new RangeTable(IndexFormat.width(t % IndexFormat.FAMILIES));
        }
        this.pool = ByteBuffer.allocate(0);
        ByteBuffer empty = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        keyCount = 0;
        keyCap = 1;
        keyRef = empty.asIntBuffer();
        keyType = keyRef;
        keyAttr = keyRef;
        keyObj = empty.asLongBuffer();
        keySlots = empty.asIntBuffer();
        objectFiles = new FileChannel[0];
    }

    private Snapshot(Path dir, String name) throws IOException {
        this.dir = dir;
        this.indexFile = name;
        MappedByteBuffer map;
        try (FileChannel ch = FileChannel.open(dir.resolve(name), StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new IOException("index file " + name + " is larger than 2 GB; split the load into several index directories");
            }
            map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
        ByteBuffer b = map.order(ByteOrder.LITTLE_ENDIAN);
        int size = b.limit();
        if (size < 32 || b.getLong(0) != IndexFormat.MAGIC || b.getLong(size - 8) != IndexFormat.MAGIC
                || b.getInt(8) != IndexFormat.VERSION) {
            throw new IOException("index file " + name + " is not a Liaison index of version " + IndexFormat.VERSION
                    + " (written by another release?): load the files again into an empty directory");
        }
        int datasetCount = b.getInt(12);
        int trailer = (int) b.getLong(size - 16);
        int t = trailer;
        int datasetsAt = (int) b.getLong(t);
        int poolAt = (int) b.getLong(t + 8);
        int poolSize = (int) b.getLong(t + 16);
        t += 24;
        tables = new RangeTable[IndexFormat.LAYERS * IndexFormat.FAMILIES];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = new RangeTable(b, (int) b.getLong(t));
            t += 8;
        }
        int keysAt = (int) b.getLong(t);
        int namedAt = (int) b.getLong(t + 8);

        ByteBuffer d = b.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(datasetsAt);
        List<DatasetEntry> list = new ArrayList<>();
        for (int i = 0; i < datasetCount; i++) {
            list.add(DatasetEntry.read(d));
        }
        datasets = List.copyOf(list);
        pool = b.slice(poolAt, poolSize);

        keyCount = b.getInt(keysAt);
        keyCap = b.getInt(keysAt + 4);
        int p = keysAt + 8;
        int intCol = (keyCount * 4 + 7) & ~7;
        keyRef = b.slice(p, keyCount * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        p += intCol;
        keyType = b.slice(p, keyCount * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        p += intCol;
        keyAttr = b.slice(p, keyCount * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        p += intCol;
        keyObj = b.slice(p, keyCount * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        p += keyCount * 8;
        keySlots = b.slice(p, keyCap * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();

        int namedCount = b.getInt(namedAt);
        for (int i = 0; i < namedCount; i++) {
            int at = namedAt + 4 + 12 * i;
            String nm = string(b.getInt(at + 4));
            String attr = string(b.getInt(at + 8));
            (b.getInt(at) == DatasetWriter.TEAM_DOMAIN ? teamDomains : teamCountries).computeIfAbsent(nm, k -> new ArrayList<>()).add(attr);
        }

        objectFiles = new FileChannel[datasets.size()];
        for (int i = 0; i < objectFiles.length; i++) {
            Path obj = IndexFormat.objectFile(dir, datasets.get(i).base());
            objectFiles[i] = Files.exists(obj) ? FileChannel.open(obj, StandardOpenOption.READ) : null;
        }
        FileChannel[] channels = objectFiles;
        CLEANER.register(this, () -> {
            for (FileChannel c : channels) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (IOException e) {
                    // nothing left to do for a channel of a dropped snapshot
                }
            }
        });
    }

    RangeTable table(int layer, int family) {
        return tables[IndexFormat.table(layer, family)];
    }

    String string(int ref) {
        return StringPool.read(pool, ref);
    }

    DatasetEntry dataset(long objectRef) {
        return datasets.get((int) (objectRef >>> IndexFormat.OFFSET_BITS));
    }

    /** The object's text as loaded, decoded (UTF-8 when valid, else ISO-8859-1). */
    RpslObject object(long ref) {
        if (ref < 0) {
            return null;
        }
        int d = (int) (ref >>> IndexFormat.OFFSET_BITS);
        long offset = ref & ((1L << IndexFormat.OFFSET_BITS) - 1);
        String name = datasets.get(d).dataset().name();
        try {
            byte[] text = objectText(objectFiles[d], offset);
            return RpslParser.parse(name, RpslParser.decode(name, text, null)).objects().get(0);
        } catch (IOException | InputException | RuntimeException e) {
            throw new IllegalStateException("cannot read object at " + offset + " of dataset " + name + ": " + e.getMessage(), e);
        }
    }

    /** The bytes from the offset to the end of the object: the first blank line or {@code %} line after it. */
    private static byte[] objectText(FileChannel ch, long offset) throws IOException {
        int window = 4096;
        while (true) {
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(window, ch.size() - offset));
            while (b.hasRemaining() && ch.read(b, offset + b.position()) > 0) {
                // read the window
            }
            byte[] a = b.array();
            for (int i = 0; i < a.length; i++) {
                if (a[i] != '\n') {
                    continue;
                }
                int next = i + 1;
                if (next < a.length) {
                    int j = next;
                    while (j < a.length && (a[j] == ' ' || a[j] == '\t' || a[j] == '\r')) {
                        j++;
                    }
                    if (j < a.length && (a[j] == '\n' || a[next] == '%')) {
                        return java.util.Arrays.copyOf(a, next);
                    }
                }
            }
            if (offset + a.length >= ch.size() || window > (64 << 20)) {
                return a;
            }
            window *= 4;
        }
    }

    /** Key-table entries whose key equals the text (case-insensitive). */
    List<Integer> keyEntries(String key) {
        List<Integer> out = new ArrayList<>();
        if (keyCount == 0) {
            return out;
        }
        String upper = key.strip().toUpperCase(Locale.ROOT);
        byte[] b = upper.getBytes(StandardCharsets.ISO_8859_1);
        int s = StringPool.hash(b, 0, b.length) & (keyCap - 1);
        while (true) {
            int e = keySlots.get(s);
            if (e == 0) {
                return out;
            }
            if (upper.equals(string(keyRef.get(e - 1)))) {
                out.add(e - 1);
            }
            s = (s + 1) & (keyCap - 1);
        }
    }

    String keyType(int entry) {
        return string(keyType.get(entry));
    }

    String keyAttr(int entry) {
        return string(keyAttr.get(entry));
    }

    long keyObject(int entry) {
        return keyObj.get(entry);
    }
}
