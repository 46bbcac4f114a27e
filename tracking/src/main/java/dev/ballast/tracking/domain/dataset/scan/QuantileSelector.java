package dev.ballast.tracking.domain.dataset.scan;

import java.util.Arrays;

/**
 * Finds the values at a few ranks of an unsorted array of signed longs (the sortable form of a column's doubles)
 * without sorting it: the quantiles of the profile need about fourteen order statistics, not the whole order. A radix
 * selection: one pass counts the values per 16-bit digit (the top 16 of the bits that vary), a second gathers only the
 * buckets that hold a wanted rank, and those small buckets are sorted, or selected again on their next bits when they
 * are large. Two linear passes instead of a full sort on the request path; the sorted column files are written
 * later, off that path.
 */
final class QuantileSelector {
    private static final int DIGIT_BITS = 16;
    private static final int SMALL = 4096;

    private QuantileSelector() {
    }

    /**
     * The values at {@code ranks} (ascending, each in {@code [0, n)}) of {@code a[0, n)} in ascending signed order;
     * {@code a} is left untouched.
     */
    static long[] select(long[] a, int n, long[] ranks) {
        long[] out = new long[ranks.length];
        select(a, 0, n, ranks, 0, ranks.length, 0, out);
        return out;
    }

    /** Fills {@code out[r]} for ranks {@code [from, to)}, which fall in {@code a[lo, hi)}, counted from {@code base}. */
    private static void select(long[] a, int lo, int hi, long[] ranks, int from, int to, long base, long[] out) {
        int n = hi - lo;
        if (n <= SMALL) {
            long[] copy = Arrays.copyOfRange(a, lo, hi);
            Arrays.sort(copy);
            for (int r = from; r < to; r++) {
                out[r] = copy[(int) (ranks[r] - base)];
            }
            return;
        }
        long first = a[lo];
        long diff = 0;
        for (int i = lo; i < hi; i++) {
            diff |= a[i] ^ first;
        }
        if (diff == 0) {
            for (int r = from; r < to; r++) {
                out[r] = first;
            }
            return;
        }
        int high = 64 - Long.numberOfLeadingZeros(diff);
        int shift = Math.max(0, high - DIGIT_BITS);
        int mask = (1 << Math.min(DIGIT_BITS, high)) - 1;
        // above the varying bits all values agree, so the digit alone orders them once the sign is flipped
        long flip = high == 64 ? Long.MIN_VALUE : 0;
        int[] counts = new int[mask + 1];
        for (int i = lo; i < hi; i++) {
            counts[(int) (((a[i] ^ flip) >>> shift) & mask)]++;
        }
        // the bucket of each wanted rank, and where each bucket starts in the order
        int[] target = new int[mask + 1];
        Arrays.fill(target, -1);
        int[] bucketOf = new int[to - from];
        long[] bucketStart = new long[to - from];
        int buckets = 0;
        long start = base;
        int r = from;
        for (int d = 0; d <= mask && r < to; d++) {
            long end = start + counts[d];
            while (r < to && ranks[r] < end) {
                if (target[d] < 0) {
                    target[d] = buckets;
                    bucketStart[buckets] = start;
                    bucketOf[buckets] = counts[d];
                    buckets++;
                }
                r++;
            }
            start = end;
        }
        long[][] gathered = new long[buckets][];
        int[] fill = new int[buckets];
        for (int b = 0; b < buckets; b++) {
            gathered[b] = new long[bucketOf[b]];
        }
        for (int i = lo; i < hi; i++) {
            long x = a[i];
            int t = target[(int) (((x ^ flip) >>> shift) & mask)];
            if (t >= 0) {
                gathered[t][fill[t]++] = x;
            }
        }
        int rank = from;
        for (int b = 0; b < buckets; b++) {
            long bucketEnd = bucketStart[b] + gathered[b].length;
            int last = rank;
            while (last < to && ranks[last] < bucketEnd) {
                last++;
            }
            select(gathered[b], 0, gathered[b].length, ranks, rank, last, bucketStart[b], out);
            rank = last;
        }
    }
}
