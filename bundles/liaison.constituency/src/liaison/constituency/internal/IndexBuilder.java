package liaison.constituency.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the records of every dataset into one index file: the string pool, nine range tables
 * (registry, directory and statistics claims on IPv4, IPv6 and ASNs), the key table of named objects
 * and the teams' domain and country claims. Layout (little-endian, sections 8-aligned) is what
 * {@link Snapshot} maps; a trailer at the end points at the sections.
 */
final class IndexBuilder {

    private final StringPool pool = new StringPool();
    private final RangeTableBuilder[] tables = new RangeTableBuilder[IndexFormat.LAYERS * IndexFormat.FAMILIES];
    private final Map<Integer, Integer> contactMailbox = new HashMap<>();
    private final Map<Integer, Integer> orgAbuseC = new HashMap<>();

    private int keys;
    private int[] keyRef = new int[1024];
    private int[] keyType = new int[1024];
    private int[] keyAttr = new int[1024];
    private int[] keyHash = new int[1024];
    private long[] keyObj = new long[1024];

    private int named;
    private int[] namedKind = new int[64];
    private int[] namedName = new int[64];
    private int[] namedAttr = new int[64];

    IndexBuilder() {
        for (int layer = 0; layer < IndexFormat.LAYERS; layer++) {
            for (int family = 0; family < IndexFormat.FAMILIES; family++) {
                tables[IndexFormat.table(layer, family)] = new RangeTableBuilder(IndexFormat.width(family));
            }
        }
    }

    /** Builds the index of the datasets (in this order) into the file; returns the number of ranges. */
    long build(Path dir, List<DatasetEntry> datasets, Path target) throws IOException {
        for (int d = 0; d < datasets.size(); d++) {
            read(IndexFormat.recordFile(dir, datasets.get(d).base()), d);
        }
        long ranges = 0;
        for (RangeTableBuilder t : tables) {
            t.build(contactMailbox, orgAbuseC);
            ranges += t.n;
        }
        try (BlockWriter w = new BlockWriter(target)) {
            w.writeLong(IndexFormat.MAGIC);
            w.writeInt(IndexFormat.VERSION);
            w.writeInt(datasets.size());
            long datasetsAt = w.position();
            for (DatasetEntry d : datasets) {
                d.write(w);
            }
            w.align();
            long poolAt = w.position();
            w.write(pool.bytes(), 0, pool.size());
            w.align();
            long[] tableAt = new long[tables.length];
            for (int t = 0; t < tables.length; t++) {
                tableAt[t] = w.position();
                tables[t].write(w);
            }
            long keysAt = w.position();
            writeKeys(w);
            long namedAt = w.position();
            w.writeInt(named);
            for (int i = 0; i < named; i++) {
                w.writeInt(namedKind[i]);
                w.writeInt(namedName[i]);
                w.writeInt(namedAttr[i]);
            }
            w.align();
            long trailer = w.position();
            w.writeLong(datasetsAt);
            w.writeLong(poolAt);
            w.writeLong(pool.size());
            for (long at : tableAt) {
                w.writeLong(at);
            }
            w.writeLong(keysAt);
            w.writeLong(namedAt);
            w.writeLong(trailer);
            w.writeLong(IndexFormat.MAGIC);
            w.finish();
        }
        return ranges;
    }

    private void read(Path records, int dataset) throws IOException {
        try (BlockReader r = new BlockReader(records)) {
            while (!r.atEnd()) {
                int kind = r.readByte();
                switch (kind) {
                    case DatasetWriter.KEYED -> keyed(IndexFormat.objectRef(dataset, r.readLong()), r.readString(), r.readString(),
                            r.readString());
                    case DatasetWriter.TEAM_DOMAIN, DatasetWriter.TEAM_COUNTRY -> named(kind, r.readString(), r.readString());
                    default -> {
                        long obj = r.readLong();
                        long fHi = r.readLong();
                        long fLo = r.readLong();
                        long lHi = r.readLong();
                        long lLo = r.readLong();
                        String mntIrt = r.readString();
                        String abuseC = r.readString();
                        String org = r.readString();
                        String attr = r.readString();
                        tables[IndexFormat.table(IndexFormat.layerOf(kind), IndexFormat.familyOf(kind))].add(fHi, fLo, lHi, lLo,
                                IndexFormat.objectRef(dataset, obj), pool.intern(attr), pool.intern(mntIrt),
                                pool.intern(abuseC), pool.intern(org));
                    }
                }
            }
        }
    }

    private void keyed(long obj, String type, String key, String attr) {
        if (key == null || key.isEmpty()) {
            return;
        }
        int attrRef = pool.intern(attr);
        int ref;
        if (attr != null && ("role".equals(type) || "person".equals(type))) {
            ref = pool.intern(key);
            contactMailbox.putIfAbsent(ref, attrRef);
        } else if (attr != null && "organisation".equals(type)) {
            ref = pool.intern(key);
            orgAbuseC.putIfAbsent(ref, attrRef);
        } else {
            ref = pool.add(key);
        }
        if (keys == keyRef.length) {
            int c = keys * 2;
            keyRef = Arrays.copyOf(keyRef, c);
            keyType = Arrays.copyOf(keyType, c);
            keyAttr = Arrays.copyOf(keyAttr, c);
            keyHash = Arrays.copyOf(keyHash, c);
            keyObj = Arrays.copyOf(keyObj, c);
        }
        byte[] b = key.getBytes(StandardCharsets.ISO_8859_1);
        keyRef[keys] = ref;
        keyType[keys] = pool.intern(type);
        keyAttr[keys] = attrRef;
        keyHash[keys] = StringPool.hash(b, 0, b.length);
        keyObj[keys] = obj;
        keys++;
    }

    private void named(int kind, String name, String attr) {
        if (named == namedKind.length) {
            int c = named * 2;
            namedKind = Arrays.copyOf(namedKind, c);
            namedName = Arrays.copyOf(namedName, c);
            namedAttr = Arrays.copyOf(namedAttr, c);
        }
        namedKind[named] = kind;
        namedName[named] = pool.intern(name);
        namedAttr[named] = pool.intern(attr);
        named++;
    }

    private void writeKeys(BlockWriter w) throws IOException {
        int cap = Integer.highestOneBit(Math.max(4, keys * 2)) * 2;
        int[] slots = new int[cap];
        for (int e = 0; e < keys; e++) {
            int s = keyHash[e] & (cap - 1);
            while (slots[s] != 0) {
                s = (s + 1) & (cap - 1);
            }
            slots[s] = e + 1;
        }
        w.writeInt(keys);
        w.writeInt(cap);
        w.writeInts(keyRef, keys);
        w.align();
        w.writeInts(keyType, keys);
        w.align();
        w.writeInts(keyAttr, keys);
        w.align();
        w.writeLongs(keyObj, keys);
        w.writeInts(slots, cap);
        w.align();
    }
}
