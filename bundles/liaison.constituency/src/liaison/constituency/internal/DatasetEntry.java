package liaison.constituency.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import liaison.constituency.Dataset;

/** A dataset as the index records it: its public description and the base name of its files. */
record DatasetEntry(Dataset dataset, String base) {

    void write(BlockWriter w) throws IOException {
        w.writeString(dataset.name());
        w.writeString(base);
        w.writeString(dataset.kind());
        w.writeString(dataset.location());
        w.writeLong(dataset.imported().toEpochMilli());
        w.writeLong(dataset.objects());
        w.writeLong(dataset.ranges());
        w.writeInt(dataset.sources().size());
        for (String s : dataset.sources()) {
            w.writeString(s);
        }
    }

    static DatasetEntry read(java.nio.ByteBuffer b) {
        String name = string(b);
        String base = string(b);
        String kind = string(b);
        String location = string(b);
        Instant imported = Instant.ofEpochMilli(b.getLong());
        long objects = b.getLong();
        long ranges = b.getLong();
        int count = b.getInt();
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sources.add(string(b));
        }
        return new DatasetEntry(new Dataset(name, kind, location, imported, objects, ranges, sources), base);
    }

    private static String string(java.nio.ByteBuffer b) {
        int len = b.getShort() & 0xFFFF;
        if (len == BlockWriter.NULL_STRING) {
            return null;
        }
        byte[] bytes = new byte[len];
        b.get(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
