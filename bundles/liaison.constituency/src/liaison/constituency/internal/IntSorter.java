package liaison.constituency.internal;

/** Sorts int indices without boxing: a stable merge sort by comparator, a stable radix sort by key. */
final class IntSorter {

    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private IntSorter() {
    }

    /** 0..n-1 sorted by the comparator; equal elements keep their order. */
    static int[] sortedIndices(int n, IntComparator cmp) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] tmp = new int[n];
        for (int lo = 0; lo < n; lo += 32) {
            insertion(a, lo, Math.min(lo + 32, n), cmp);
        }
        int[] src = a;
        int[] dst = tmp;
        for (int width = 32; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                if (mid < hi && cmp.compare(src[mid], src[mid - 1]) >= 0) {
                    System.arraycopy(src, lo, dst, lo, hi - lo); // runs already in order (dumps mostly are)
                    continue;
                }
                while (i < mid && j < hi) {
                    dst[k++] = cmp.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        return src;
    }

    private static void insertion(int[] a, int lo, int hi, IntComparator cmp) {
        for (int i = lo + 1; i < hi; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= lo && cmp.compare(v, a[j]) < 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /** 0..n-1 ordered by the unsigned keys (low {@code bits} bits used); equal keys keep their order. */
    static int[] sortedByKey(long[] keys, int n, int bits) {
        long[] k = java.util.Arrays.copyOf(keys, n);
        long[] k2 = new long[n];
        int[] idx = new int[n];
        int[] idx2 = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] count = new int[65537];
        for (int shift = 0; shift < bits; shift += 16) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((k[i] >>> shift) & 0xFFFF) + 1]++;
            }
            boolean oneBucket = false;
            for (int d = 0; d < 65536; d++) {
                oneBucket |= count[d + 1] == n;
                count[d + 1] += count[d];
            }
            if (oneBucket) {
                continue; // every key has this digit: the pass would not move anything
            }
            for (int i = 0; i < n; i++) {
                int at = count[(int) ((k[i] >>> shift) & 0xFFFF)]++;
                k2[at] = k[i];
                idx2[at] = idx[i];
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] ti = idx;
            idx = idx2;
            idx2 = ti;
        }
        return idx;
    }
}
