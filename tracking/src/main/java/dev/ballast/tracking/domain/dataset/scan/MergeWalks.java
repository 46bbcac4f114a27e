package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;

/**
 * Streaming comparisons of two sorted derived files, reading each once through a buffer, so two versions of any size
 * are compared without loading them.
 */
final class MergeWalks {
    private MergeWalks() {
    }

    /** Size of the multiset intersection of two ascending (signed) sequences of row hashes. */
    static long commonRows(DerivedFile.Reader.Cursor a, DerivedFile.Reader.Cursor b) throws IOException {
        long common = 0;
        if (!a.hasNext() || !b.hasNext()) {
            return 0;
        }
        long x = a.next();
        long y = b.next();
        while (true) {
            if (x == y) {
                common++;
                if (!a.hasNext() || !b.hasNext()) {
                    return common;
                }
                x = a.next();
                y = b.next();
            } else if (x < y) {
                if (!a.hasNext()) {
                    return common;
                }
                x = a.next();
            } else {
                if (!b.hasNext()) {
                    return common;
                }
                y = b.next();
            }
        }
    }

    /**
     * Two-sample Kolmogorov–Smirnov statistic D = sup |F_a(x) - F_b(x)| over the empirical distribution functions of
     * two ascending sequences of doubles, evaluated at every data point as scipy.stats.ks_2samp does.
     */
    static double ksStatistic(DerivedFile.Reader.Cursor a, long na, DerivedFile.Reader.Cursor b, long nb) throws IOException {
        if (na == 0 || nb == 0) {
            throw new IllegalArgumentException("both samples must be non-empty");
        }
        double d = 0;
        long i = 0;
        long j = 0;
        double x = Double.longBitsToDouble(a.next());
        double y = Double.longBitsToDouble(b.next());
        boolean aLeft = true;
        boolean bLeft = true;
        while (aLeft || bLeft) {
            double v = !bLeft ? x : !aLeft ? y : Math.min(x, y);
            while (aLeft && x <= v) {
                i++;
                if (a.hasNext()) {
                    x = Double.longBitsToDouble(a.next());
                } else {
                    aLeft = false;
                }
            }
            while (bLeft && y <= v) {
                j++;
                if (b.hasNext()) {
                    y = Double.longBitsToDouble(b.next());
                } else {
                    bLeft = false;
                }
            }
            double diff = Math.abs((double) i / na - (double) j / nb);
            if (diff > d) {
                d = diff;
            }
        }
        return d;
    }
}
