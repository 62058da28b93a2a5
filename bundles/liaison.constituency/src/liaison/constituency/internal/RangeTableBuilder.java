package liaison.constituency.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Builds one range table (one layer, one family): sorts the claims (first ascending, last descending),
 * links each to the smallest range containing it, precomputes ripe-254's irt holder and RIPE's abuse
 * mailbox, and flattens the ranges into disjoint elementary intervals that each name their smallest
 * containing range — any overlap allowed — so a lookup is one search in a sorted array.
 */
final class RangeTableBuilder {

    final int width;
    int n;
    long[] fHi = new long[1024];
    long[] fLo = new long[1024];
    long[] lHi = new long[1024];
    long[] lLo = new long[1024];
    long[] obj = new long[1024];
    int[] attr = new int[1024];
    int[] irtName = new int[1024];
    int[] abuseC = new int[1024];
    int[] org = new int[1024];

    // results
    int[] parent;
    int[] irtOwner;
    int[] irt;
    int[] abuse;
    long[] elemHi;
    long[] elemLo;
    int[] elemVal;
    int elemCount;
    int[] overlaps;

    /** @param width bytes per bound on disk: 4 for IPv4 and ASNs, 16 for IPv6 */
    RangeTableBuilder(int width) {
        this.width = width;
    }

    void add(long firstHi, long firstLo, long lastHi, long lastLo, long object, int attrRef, int irtRef, int abuseRef, int orgRef) {
        if (n == fHi.length) {
            int c = n * 2;
            fHi = Arrays.copyOf(fHi, c);
            fLo = Arrays.copyOf(fLo, c);
            lHi = Arrays.copyOf(lHi, c);
            lLo = Arrays.copyOf(lLo, c);
            obj = Arrays.copyOf(obj, c);
            attr = Arrays.copyOf(attr, c);
            irtName = Arrays.copyOf(irtName, c);
            abuseC = Arrays.copyOf(abuseC, c);
            org = Arrays.copyOf(org, c);
        }
        fHi[n] = firstHi;
        fLo[n] = firstLo;
        lHi[n] = lastHi;
        lLo[n] = lastLo;
        obj[n] = object;
        attr[n] = attrRef;
        irtName[n] = irtRef;
        abuseC[n] = abuseRef;
        org[n] = orgRef;
        n++;
    }

    private static int cmp(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }

    /** Compares the sizes (last - first) of two ranges, as unsigned 128-bit numbers. */
    private int compareSize(int a, int b) {
        long aLo = lLo[a] - fLo[a];
        long aHi = lHi[a] - fHi[a] - (Long.compareUnsigned(lLo[a], fLo[a]) < 0 ? 1 : 0);
        long bLo = lLo[b] - fLo[b];
        long bHi = lHi[b] - fHi[b] - (Long.compareUnsigned(lLo[b], fLo[b]) < 0 ? 1 : 0);
        return cmp(aHi, aLo, bHi, bLo);
    }

    /**
     * Computes everything the table holds.
     *
     * @param contactMailbox abuse-mailbox of each role/person handle (pool references)
     * @param orgAbuseC      abuse-c of each organisation (pool references)
     */
    void build(Map<Integer, Integer> contactMailbox, Map<Integer, Integer> orgAbuseC) {
        sort();
        link();
        derive(contactMailbox, orgAbuseC);
        flatten();
    }

    private void sort() {
        int[] p;
        if (width == 4) { // first ascending, last descending, in one 64-bit key
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = (fLo[i] << 32) | (0xFFFF_FFFFL - lLo[i]);
            }
            p = IntSorter.sortedByKey(keys, n, 64);
        } else {
            p = IntSorter.sortedIndices(n, (a, b) -> {
                int c = cmp(fHi[a], fLo[a], fHi[b], fLo[b]);
                return c != 0 ? c : cmp(lHi[b], lLo[b], lHi[a], lLo[a]);
            });
        }
        fHi = permute(fHi, p);
        fLo = permute(fLo, p);
        lHi = permute(lHi, p);
        lLo = permute(lLo, p);
        obj = permute(obj, p);
        attr = permute(attr, p);
        irtName = permute(irtName, p);
        abuseC = permute(abuseC, p);
        org = permute(org, p);
    }

    private long[] permute(long[] a, int[] p) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = a[p[i]];
        }
        return r;
    }

    private int[] permute(int[] a, int[] p) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = a[p[i]];
        }
        return r;
    }

    /** Parent = smallest earlier range containing the range; partial overlaps are recorded. */
    private void link() {
        parent = new int[n];
        boolean[] overlapping = new boolean[n];
        int overlapCount = 0;
        int[] stack = new int[64];
        int sp = 0;
        for (int i = 0; i < n; i++) {
            while (sp > 0 && cmp(lHi[stack[sp - 1]], lLo[stack[sp - 1]], fHi[i], fLo[i]) < 0) {
                sp--;
            }
            int p = -1;
            for (int k = sp - 1; k >= 0; k--) {
                int s = stack[k];
                if (cmp(lHi[s], lLo[s], lHi[i], lLo[i]) >= 0) {
                    if (p < 0 || compareSize(s, p) < 0) {
                        p = s;
                    }
                } else if (cmp(lHi[s], lLo[s], fHi[i], fLo[i]) >= 0) {
                    overlapCount += (overlapping[s] ? 0 : 1) + (overlapping[i] ? 0 : 1);
                    overlapping[s] = true;
                    overlapping[i] = true;
                }
            }
            parent[i] = p;
            if (sp == stack.length) {
                stack = Arrays.copyOf(stack, sp * 2);
            }
            stack[sp++] = i;
        }
        overlaps = new int[overlapCount];
        for (int i = 0, k = 0; i < n; i++) {
            if (overlapping[i]) {
                overlaps[k++] = i;
            }
        }
    }

    /** ripe-254: a more specific mnt-irt takes over; RIPE: own abuse-c, else the org's, else the parent's answer. */
    private void derive(Map<Integer, Integer> contactMailbox, Map<Integer, Integer> orgAbuseC) {
        irtOwner = new int[n];
        irt = new int[n];
        abuse = new int[n];
        for (int i = 0; i < n; i++) {
            int p = parent[i];
            irtOwner[i] = irtName[i] >= 0 ? i : p >= 0 ? irtOwner[p] : -1;
            irt[i] = irtOwner[i] >= 0 ? irtName[irtOwner[i]] : -1;
            int mailbox = abuseC[i] >= 0 ? contactMailbox.getOrDefault(abuseC[i], -1) : -1;
            if (mailbox < 0 && org[i] >= 0) {
                int orgAbuse = orgAbuseC.getOrDefault(org[i], -1);
                mailbox = orgAbuse >= 0 ? contactMailbox.getOrDefault(orgAbuse, -1) : -1;
            }
            abuse[i] = mailbox >= 0 ? mailbox : p >= 0 ? abuse[p] : -1;
        }
    }

    /** Sweeps the boundaries, keeping the active ranges in a heap by size, smallest on top. */
    private void flatten() {
        int[] byLast = width == 4 ? IntSorter.sortedByKey(lLo, n, 32)
                : IntSorter.sortedIndices(n, (a, b) -> cmp(lHi[a], lLo[a], lHi[b], lLo[b]));
        int cap = 2 * n + 1;
        elemHi = new long[cap];
        elemLo = new long[cap];
        elemVal = new int[cap];
        elemCount = 0;
        int[] heap = new int[Math.max(16, n)];
        int size = 0;
        int nextStart = 0;
        int nextEnd = 0;
        long posHi = 0;
        long posLo = 0;
        boolean more = true;
        while (more) {
            while (nextStart < n && fHi[nextStart] == posHi && fLo[nextStart] == posLo) {
                heap[size] = nextStart;
                siftUp(heap, size++);
                nextStart++;
            }
            while (size > 0 && cmp(lHi[heap[0]], lLo[heap[0]], posHi, posLo) < 0) {
                heap[0] = heap[--size];
                siftDown(heap, 0, size);
            }
            int val = size > 0 ? heap[0] : -1;
            if (elemCount == 0 || elemVal[elemCount - 1] != val) {
                elemHi[elemCount] = posHi;
                elemLo[elemCount] = posLo;
                elemVal[elemCount] = val;
                elemCount++;
            }
            // next boundary: the next start, or one past the next end that is not yet behind us
            while (nextEnd < n && cmp(lHi[byLast[nextEnd]], lLo[byLast[nextEnd]], posHi, posLo) < 0) {
                nextEnd++;
            }
            boolean haveStart = nextStart < n;
            long sHi = haveStart ? fHi[nextStart] : 0;
            long sLo = haveStart ? fLo[nextStart] : 0;
            boolean haveEnd = false;
            long eHi = 0;
            long eLo = 0;
            while (nextEnd < n) {
                int e = byLast[nextEnd];
                eLo = lLo[e] + 1;
                eHi = lHi[e] + (eLo == 0 ? 1 : 0);
                boolean wraps = eLo == 0 && lHi[e] == (width == 16 ? -1L : 0) && (width == 16 || lLo[e] == -1L);
                boolean beyondFamily = width == 4 && eHi == 0 && eLo == 1L << 32;
                if (wraps || beyondFamily) {
                    nextEnd = n; // ends at the top of the address space: no boundary after it
                    break;
                }
                haveEnd = true;
                break;
            }
            if (!haveStart && !haveEnd) {
                more = false;
            } else if (haveStart && (!haveEnd || cmp(sHi, sLo, eHi, eLo) <= 0)) {
                posHi = sHi;
                posLo = sLo;
            } else {
                posHi = eHi;
                posLo = eLo;
            }
        }
    }

    private boolean above(int a, int b) {
        int c = compareSize(a, b);
        return c < 0 || c == 0 && a > b;
    }

    private void siftUp(int[] heap, int i) {
        int v = heap[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!above(v, heap[p])) {
                break;
            }
            heap[i] = heap[p];
            i = p;
        }
        heap[i] = v;
    }

    private void siftDown(int[] heap, int i, int size) {
        int v = heap[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && above(heap[c + 1], heap[c])) {
                c++;
            }
            if (!above(heap[c], v)) {
                break;
            }
            heap[i] = heap[c];
            i = c;
        }
        heap[i] = v;
    }

    /** Writes the table as {@link RangeTable} reads it. */
    void write(BlockWriter w) throws IOException {
        w.writeInt(n);
        w.writeInt(width);
        w.writeInt(elemCount);
        w.writeInt(overlaps.length);
        writeBounds(w, fHi, fLo, n, false);
        writeBounds(w, lHi, lLo, n, false);
        column(w, parent);
        w.writeLongs(obj, n);
        w.align();
        column(w, attr);
        column(w, irtOwner);
        column(w, irt);
        column(w, abuse);
        writeBounds(w, elemHi, elemLo, elemCount, true);
        w.writeInts(elemVal, elemCount);
        w.align();
        column(w, overlaps);
    }

    private static void column(BlockWriter w, int[] values) throws IOException {
        w.writeInts(values, values.length);
        w.align();
    }

    /** Bounds of width 4 as ints, of width 16 as (high, low) longs; search keys get their sign bit flipped. */
    private void writeBounds(BlockWriter w, long[] hi, long[] lo, int count, boolean searchKey) throws IOException {
        for (int i = 0; i < count; i++) {
            if (width == 4) {
                w.writeInt((int) lo[i] ^ (searchKey ? Integer.MIN_VALUE : 0));
            } else {
                w.writeLong(hi[i] ^ (searchKey ? Long.MIN_VALUE : 0));
                w.writeLong(lo[i] ^ (searchKey ? Long.MIN_VALUE : 0));
            }
        }
        w.align();
    }
}
