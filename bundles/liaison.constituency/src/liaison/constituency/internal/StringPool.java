package liaison.constituency.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The index's strings: one byte region of {@code [u16 length][ISO-8859-1 bytes]} entries, addressed by
 * offset. Values that repeat (organisations, irt names, mailboxes) are stored once; keys are appended.
 */
final class StringPool {

    private byte[] bytes = new byte[1 << 16];
    private int size;
    private final Map<String, Integer> interned = new HashMap<>();

    /** Stores the string once and returns its offset; -1 for null. */
    int intern(String s) {
        if (s == null) {
            return -1;
        }
        Integer ref = interned.get(s);
        if (ref == null) {
            ref = add(s);
            interned.put(s, ref);
        }
        return ref;
    }

    /** The offset of an interned string, -1 when it was never interned. */
    int find(String s) {
        Integer ref = s == null ? null : interned.get(s);
        return ref == null ? -1 : ref;
    }

    /** Appends without deduplication (unique keys). */
    int add(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        int len = Math.min(b.length, 0xFFFF);
        if (size + len + 2 > bytes.length) {
            long grown = Math.max((long) bytes.length * 2, (long) size + len + 2);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("the index's string pool exceeds 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) grown);
        }
        int ref = size;
        bytes[size++] = (byte) len;
        bytes[size++] = (byte) (len >>> 8);
        System.arraycopy(b, 0, bytes, size, len);
        size += len;
        return ref;
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    /** The string at an offset of a pool region. */
    static String read(java.nio.ByteBuffer pool, int ref) {
        if (ref < 0) {
            return null;
        }
        int len = (pool.get(ref) & 0xFF) | (pool.get(ref + 1) & 0xFF) << 8;
        byte[] b = new byte[len];
        pool.get(ref + 2, b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Hash of a key's bytes, as the key table uses it (FNV-1a). */
    static int hash(byte[] b, int off, int len) {
        int h = 0x811C9DC5;
        for (int i = off; i < off + len; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
