package dev.ballast.tracking.domain.dataset.scan;

import java.util.Arrays;

/**
 * LSD radix sort of signed longs, several times faster than {@link Arrays#sort(long[])} on the millions of values of a
 * column, at the cost of a scratch array of the same size. A first pass finds the bits that vary at all: when they
 * span at most 33 bits (small integers, short decimals) three 11-bit passes over that span suffice; otherwise eight
 * byte passes are made, skipping the bytes on which all values agree.
 */
final class RadixSort {
    private static final int SMALL = 2048;
    private static final int WIDE_BITS = 11;

    private RadixSort() {
    }

    /**
     * Sorts {@code a[0, n)} ascending as signed longs using {@code scratch} (at least {@code n} long).
     *
     * @return the array holding the sorted values: {@code a} or {@code scratch}
     */
    static long[] sort(long[] a, long[] scratch, int n) {
        if (n < SMALL) {
            Arrays.sort(a, 0, n);
            return a;
        }
        long first = a[0];
        long diff = 0;
        for (int i = 0; i < n; i++) {
            diff |= a[i] ^ first;
        }
        if (diff == 0) {
            return a;
        }
        int low = Long.numberOfTrailingZeros(diff);
        int span = 64 - Long.numberOfLeadingZeros(diff) - low;
        return span <= 3 * WIDE_BITS ? narrow(a, scratch, n, low) : bytewise(a, scratch, n);
    }

    /** Three 11-bit passes over bits [low, low + 33). */
    private static long[] narrow(long[] a, long[] scratch, int n, int low) {
        int buckets = 1 << WIDE_BITS;
        int mask = buckets - 1;
        int s0 = low;
        int s1 = low + WIDE_BITS;
        int s2 = low + 2 * WIDE_BITS;
        int[] c0 = new int[buckets];
        int[] c1 = new int[buckets];
        int[] c2 = new int[buckets];
        for (int i = 0; i < n; i++) {
            long v = a[i] ^ Long.MIN_VALUE;
            c0[(int) (v >>> s0) & mask]++;
            c1[(int) (v >>> s1) & mask]++;
            c2[(int) (v >>> s2) & mask]++;
        }
        return passes(a, scratch, n, new int[][] {c0, c1, c2}, new int[] {s0, s1, s2}, mask);
    }

    /** Eight byte passes, each skipped when all values share that byte. */
    private static long[] bytewise(long[] a, long[] scratch, int n) {
        int[] c0 = new int[256];
        int[] c1 = new int[256];
        int[] c2 = new int[256];
        int[] c3 = new int[256];
        int[] c4 = new int[256];
        int[] c5 = new int[256];
        int[] c6 = new int[256];
        int[] c7 = new int[256];
        for (int i = 0; i < n; i++) {
            long v = a[i] ^ Long.MIN_VALUE;
            c0[(int) v & 0xFF]++;
            c1[(int) (v >>> 8) & 0xFF]++;
            c2[(int) (v >>> 16) & 0xFF]++;
            c3[(int) (v >>> 24) & 0xFF]++;
            c4[(int) (v >>> 32) & 0xFF]++;
            c5[(int) (v >>> 40) & 0xFF]++;
            c6[(int) (v >>> 48) & 0xFF]++;
            c7[(int) (v >>> 56) & 0xFF]++;
        }
        return passes(a, scratch, n, new int[][] {c0, c1, c2, c3, c4, c5, c6, c7}, new int[] {0, 8, 16, 24, 32, 40, 48, 56},
                0xFF);
    }

    private static long[] passes(long[] a, long[] scratch, int n, int[][] counts, int[] shifts, int mask) {
        long[] src = a;
        long[] dst = scratch;
        for (int p = 0; p < counts.length; p++) {
            int[] c = counts[p];
            int shift = shifts[p];
            if (c[(int) ((src[0] ^ Long.MIN_VALUE) >>> shift) & mask] == n) {
                continue;
            }
            int sum = 0;
            for (int d = 0; d < c.length; d++) {
                int k = c[d];
                c[d] = sum;
                sum += k;
            }
            for (int i = 0; i < n; i++) {
                long v = src[i];
                dst[c[(int) ((v ^ Long.MIN_VALUE) >>> shift) & mask]++] = v;
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        return src;
    }
}
