package liaison.constituency.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes one dataset: the objects' text ({@code .obj}: the decompressed input as read, so an object is
 * found by its offset and ends at the next blank or {@code %} line) and the records the index is built
 * from ({@code .rec}: one per object or statistics line, the fields the queries need). Both parsers
 * write through it, so the index builder reads one format.
 */
final class DatasetWriter implements AutoCloseable {

    // record kinds; ranges first
    static final int INETNUM = 1;
    static final int INET6NUM = 2;
    static final int AUTNUM = 3;
    static final int STAT4 = 4;
    static final int STAT6 = 5;
    static final int STAT_ASN = 6;
    static final int TEAM4 = 7;
    static final int TEAM6 = 8;
    static final int TEAM_ASN = 9;
    static final int KEYED = 10;
    static final int TEAM_DOMAIN = 11;
    static final int TEAM_COUNTRY = 12;

    private final BlockWriter objects;
    private final BlockWriter records;
    private final Set<String> sources = new LinkedHashSet<>();
    private long objectCount;
    private long rangeCount;

    DatasetWriter(Path objFile, Path recFile) throws IOException {
        objects = new BlockWriter(objFile);
        records = new BlockWriter(recFile);
    }

    /** Appends input text to the object file, in input order. */
    void text(byte[] b, int off, int len) throws IOException {
        objects.writeRaw(b, off, len);
    }

    /** Counts an object starting at the offset of the input; returns its reference within the dataset. */
    long object(long offset) {
        objectCount++;
        return offset;
    }

    /**
     * A claim on a range of one family: IPv4 and ASNs in the low words, IPv6 in both.
     *
     * @param object reference from {@link #object}, -1 for records without text
     * @param attr   for statistics and team records the text the claim is shown with, else null
     */
    void range(int kind, long object, long fHi, long fLo, long lHi, long lLo, String mntIrt, String abuseC, String org,
            String attr) throws IOException {
        records.writeByte(kind);
        records.writeLong(object);
        records.writeLong(fHi);
        records.writeLong(fLo);
        records.writeLong(lHi);
        records.writeLong(lLo);
        records.writeString(mntIrt);
        records.writeString(abuseC);
        records.writeString(org);
        records.writeString(attr);
        rangeCount++;
        if (object < 0) {
            objectCount++;
        }
    }

    /**
     * An object found by key.
     *
     * @param type the object class
     * @param key  its lookup key, upper case
     * @param attr the one value the index needs of it: an irt's mailbox, a contact's abuse-mailbox, an
     *             organisation's abuse-c; null otherwise
     */
    void keyed(long object, String type, String key, String attr) throws IOException {
        records.writeByte(KEYED);
        records.writeLong(object);
        records.writeString(type);
        records.writeString(key);
        records.writeString(attr);
    }

    /** A team's claim on a domain suffix or a country. */
    void named(int kind, String name, String attr) throws IOException {
        records.writeByte(kind);
        records.writeString(name);
        records.writeString(attr);
        objectCount++;
    }

    void source(String source) {
        if (sources.size() < 64) {
            sources.add(source);
        }
    }

    Set<String> sources() {
        return sources;
    }

    long objectCount() {
        return objectCount;
    }

    long rangeCount() {
        return rangeCount;
    }

    void finish() throws IOException {
        objects.finish();
        records.finish();
    }

    @Override
    public void close() throws IOException {
        try {
            objects.close();
        } finally {
            records.close();
        }
    }
}
