package liaison.constituency.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;

/**
 * One mapped range table of the index (see {@link RangeTableBuilder#write}). The columns stay in the
 * mapped file; only the elementary-interval search keys are copied to the heap at open, where a
 * lookup is a jump on the top 16 bits and a short binary search.
 */
final class RangeTable {

    private static final int CROWDED = 16;

    final int n;
    final int width;
    final int elemCount;
    final int[] overlaps;
    private final IntBuffer first4;
    private final IntBuffer last4;
    private final LongBuffer first16;
    private final LongBuffer last16;
    private final IntBuffer parent;
    private final LongBuffer obj;
    private final IntBuffer attr;
    private final IntBuffer irtOwner;
    private final IntBuffer irt;
    private final IntBuffer abuse;
    /** Width 4: search key (sign-flipped) in the high half, range id in the low half: one cache line per probe. */
    private final long[] elems4;
    private final long[] keysHi;
    private final long[] keysLo;
    private final int[] vals;
    /**
     * Width 4: per 65536-wide block, the interval holding its first value (high half) and, for crowded
     * blocks, where their table of 256-wide blocks starts in {@code jump2} (low half, -1 for none).
     */
    private final long[] jump;
    private final int[] jump2;

    /** An empty table of the given width. */
    RangeTable(int width) {
        this(emptyTable(width), 0);
    }

    private static ByteBuffer emptyTable(int width) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(width).putInt(1).putInt(0);
        if (width == 4) {
            b.putInt(Integer.MIN_VALUE).putInt(0);
        } else {
            b.putLong(Long.MIN_VALUE).putLong(Long.MIN_VALUE);
        }
        b.putInt(-1).putInt(0);
        return b.clear();
    }

    RangeTable(ByteBuffer file, int at) {
        ByteBuffer b = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        n = b.getInt(at);
        width = b.getInt(at + 4);
        elemCount = b.getInt(at + 8);
        int overlapCount = b.getInt(at + 12);
        int p = at + 16;
        if (width == 4) {
            first4 = slice(b, p, n * 4L).asIntBuffer();
            p += aligned(n * 4L);
            last4 = slice(b, p, n * 4L).asIntBuffer();
            p += aligned(n * 4L);
            first16 = null;
            last16 = null;
        } else {
            first16 = slice(b, p, n * 16L).asLongBuffer();
            p += n * 16;
            last16 = slice(b, p, n * 16L).asLongBuffer();
            p += n * 16;
            first4 = null;
            last4 = null;
        }
        parent = slice(b, p, n * 4L).asIntBuffer();
        p += aligned(n * 4L);
        obj = slice(b, p, n * 8L).asLongBuffer();
        p += n * 8;
        attr = slice(b, p, n * 4L).asIntBuffer();
        p += aligned(n * 4L);
        irtOwner = slice(b, p, n * 4L).asIntBuffer();
        p += aligned(n * 4L);
        irt = slice(b, p, n * 4L).asIntBuffer();
        p += aligned(n * 4L);
        abuse = slice(b, p, n * 4L).asIntBuffer();
        p += aligned(n * 4L);
        IntBuffer keys4 = null;
        if (width == 4) {
            keys4 = slice(b, p, elemCount * 4L).asIntBuffer();
            p += aligned(elemCount * 4L);
            keysHi = null;
            keysLo = null;
        } else {
            LongBuffer keys = slice(b, p, elemCount * 16L).asLongBuffer();
            keysHi = new long[elemCount];
            keysLo = new long[elemCount];
            for (int i = 0; i < elemCount; i++) {
                keysHi[i] = keys.get(2 * i);
                keysLo[i] = keys.get(2 * i + 1);
            }
            p += elemCount * 16;
        }
        IntBuffer values = slice(b, p, elemCount * 4L).asIntBuffer();
        p += aligned(elemCount * 4L);
        overlaps = new int[overlapCount];
        slice(b, p, overlapCount * 4L).asIntBuffer().get(overlaps);
        if (width == 4) {
            elems4 = new long[elemCount];
            for (int i = 0; i < elemCount; i++) {
                elems4[i] = ((long) keys4.get(i) << 32) | (values.get(i) & 0xFFFF_FFFFL);
            }
            vals = null;
            jump = new long[65537];
            jump2 = jumpTables();
        } else {
            vals = new int[elemCount];
            values.get(vals);
            elems4 = null;
            jump = null;
            jump2 = null;
        }
    }

    private int key4(int i) {
        return (int) (elems4[i] >> 32);
    }

    /**
     * Fills jump[t] = the interval holding the first value of 65536-wide block t; for blocks crowded with
     * more than {@value #CROWDED} intervals, a second table per 256-wide block, returned as one array.
     */
    private int[] jumpTables() {
        int[] first = new int[65537];
        int i = 0;
        for (int t = 0; t < 65536; t++) {
            int key = (t << 16) ^ Integer.MIN_VALUE;
            while (i + 1 < elemCount && key4(i + 1) <= key) {
                i++;
            }
            first[t] = i;
        }
        first[65536] = elemCount - 1;
        int crowded = 0;
        for (int t = 0; t < 65536; t++) {
            crowded += first[t + 1] - first[t] > CROWDED ? 1 : 0;
        }
        int[] second = new int[crowded * 257];
        int base = 0;
        for (int t = 0; t <= 65536; t++) {
            if (t == 65536 || first[t + 1] - first[t] <= CROWDED) {
                jump[t] = ((long) first[t] << 32) | 0xFFFF_FFFFL;
                continue;
            }
            jump[t] = ((long) first[t] << 32) | base;
            int j = first[t];
            for (int m = 0; m < 256; m++) {
                int key = ((t << 16) | (m << 8)) ^ Integer.MIN_VALUE;
                while (j + 1 < elemCount && key4(j + 1) <= key) {
                    j++;
                }
                second[base + m] = j;
            }
            second[base + 256] = first[t + 1];
            base += 257;
        }
        return second;
    }

    private static ByteBuffer slice(ByteBuffer b, int at, long length) {
        return b.slice(at, (int) length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int aligned(long bytes) {
        return (int) ((bytes + 7) & ~7L);
    }

    /** The smallest range containing a 32-bit value (IPv4 address or ASN), -1 when none. */
    int find(int value) {
        int key = value ^ Integer.MIN_VALUE;
        int t = value >>> 16;
        long packed = jump[t];
        int s = (int) packed;
        int lo;
        int hi;
        if (s < 0) {
            lo = (int) (packed >>> 32);
            hi = (int) (jump[t + 1] >>> 32);
        } else {
            int m = s + ((value >>> 8) & 0xFF);
            lo = jump2[m];
            hi = jump2[m + 1];
        }
        long[] e = elems4;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if ((int) (e[mid] >> 32) <= key) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return (int) e[lo];
    }

    /** The smallest range containing a 128-bit value, -1 when none. */
    int find(long hi, long lo) {
        if (width == 4) {
            return hi != 0 || (lo >>> 32) != 0 ? -1 : find((int) lo);
        }
        long kHi = hi ^ Long.MIN_VALUE;
        long kLo = lo ^ Long.MIN_VALUE;
        int a = 0;
        int b = elemCount - 1;
        while (a < b) {
            int mid = (a + b + 1) >>> 1;
            if (keysHi[mid] < kHi || keysHi[mid] == kHi && keysLo[mid] <= kLo) {
                a = mid;
            } else {
                b = mid - 1;
            }
        }
        return vals[a];
    }

    long firstHi(int i) {
        return width == 4 ? 0 : first16.get(2 * i);
    }

    long firstLo(int i) {
        return width == 4 ? first4.get(i) & 0xFFFF_FFFFL : first16.get(2 * i + 1);
    }

    long lastHi(int i) {
        return width == 4 ? 0 : last16.get(2 * i);
    }

    long lastLo(int i) {
        return width == 4 ? last4.get(i) & 0xFFFF_FFFFL : last16.get(2 * i + 1);
    }

    int parent(int i) {
        return parent.get(i);
    }

    long object(int i) {
        return obj.get(i);
    }

    int attr(int i) {
        return attr.get(i);
    }

    int irtOwner(int i) {
        return irtOwner.get(i);
    }

    int irt(int i) {
        return irt.get(i);
    }

    int abuse(int i) {
        return abuse.get(i);
    }

    static int compare(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }

    /** True when range i contains [fHi:fLo, lHi:lLo]. */
    boolean contains(int i, long fHi, long fLo, long lHi, long lLo) {
        return compare(firstHi(i), firstLo(i), fHi, fLo) <= 0 && compare(lastHi(i), lastLo(i), lHi, lLo) >= 0;
    }

    /** The first range (in sorted order) whose first address is at or after the value. */
    int lowerBound(long hi, long lo) {
        int a = 0;
        int b = n;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (compare(firstHi(mid), firstLo(mid), hi, lo) < 0) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }

    /** Bytes of the table's columns and search arrays per range: the index memory figure. */
    long bytes() {
        long columns = (long) n * (2L * width + 4 + 8 + 4 * 4);
        long search = (long) elemCount * (width + 4);
        return columns + search + (jump == null ? 0 : jump.length * 8L + jump2.length * 4L);
    }
}
