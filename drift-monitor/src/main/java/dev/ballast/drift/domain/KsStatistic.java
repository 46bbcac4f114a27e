package dev.ballast.drift.domain;

/**
 * The two-sample Kolmogorov-Smirnov statistic of samples that are already sorted. Dataset columns are stored sorted
 * ({@code col-N.f64}) and request samples are sorted once for KS and PSI together, so copying and sorting again, as
 * commons-math's {@code kolmogorovSmirnovStatistic} does, would double the cost of a check on large samples.
 *
 * <p>The walk is commons-math 3.6.1's {@code integralKolmogorovSmirnovStatistic} on sorted input: it tracks
 * {@code n * m * (F_x - F_y)} in a {@code long}, steps over every copy of a tied value on both sides before comparing
 * (so ties are counted as the empirical distribution functions count them, like SciPy's {@code searchsorted(...,
 * side='right')}), and divides by {@code n * m} once. The result is therefore bit-for-bit commons-math's (tested).
 */
public final class KsStatistic {
    private KsStatistic() {
    }

    /** {@code D = sup |F_x - F_y|} of two ascending, non-empty samples without NaN. */
    public static double ofSorted(double[] x, double[] y) {
        return integral(x, y) / ((double) (x.length * (long) y.length));
    }

    /** {@code n * m * D}, exact. */
    static long integral(double[] sx, double[] sy) {
        int n = sx.length;
        int m = sy.length;
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        int rankX = 0;
        int rankY = 0;
        long cur = 0;
        long sup = 0;
        do {
            // Double.compare without its NaN handling (no NaN here), which made it a tenth of a monitor check: two
            // non-NaN doubles compare equal exactly when their bits are equal, and -0.0 (negative bits) sorts first
            double a = sx[rankX];
            double b = sy[rankY];
            long z = a < b || (a == b && Double.doubleToRawLongBits(a) <= Double.doubleToRawLongBits(b))
                    ? Double.doubleToRawLongBits(a) : Double.doubleToRawLongBits(b);
            while (rankX < n && Double.doubleToRawLongBits(sx[rankX]) == z) {
                rankX++;
                cur += m;
            }
            while (rankY < m && Double.doubleToRawLongBits(sy[rankY]) == z) {
                rankY++;
                cur -= n;
            }
            if (cur > sup) {
                sup = cur;
            } else if (-cur > sup) {
                sup = -cur;
            }
        } while (rankX < n && rankY < m);
        return sup;
    }
}
