package liaison.constituency.internal;

/** Sorts int indices by a comparator without boxing: a stable merge sort. */
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
}
