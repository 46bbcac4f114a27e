package dev.ballast.drift.domain;

/**
 * The reference and current distributions of one numeric feature as counts on shared bin edges, so a UI can draw one
 * over the other. The bins are equal-width between the smallest and the largest finite value of both sides together:
 * every value is counted and bar widths are honest, at the price that one far outlier squeezes the rest into few bins
 * (the KS statistic and PSI, not the picture, decide drift). Bin {@code i} holds {@code edges[i] <= v < edges[i+1]}; the
 * last bin also holds its upper edge. When every value is the same, there is one bin {@code [v, v]}.
 *
 * @param edges     {@code bins + 1} ascending edges
 * @param reference counts per bin of the reference values
 * @param current   counts per bin of the current values
 */
public record FeatureHistogram(String feature, double[] edges, long[] reference, long[] current) {
    /** Bins per histogram. */
    public static final int BINS = 20;

    /** The histograms of two ascending samples of finite values, or null when both are empty. */
    public static FeatureHistogram of(String feature, double[] reference, double[] current, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive: " + bins);
        }
        if (reference.length == 0 && current.length == 0) {
            return null;
        }
        double lo = Math.min(first(reference, Double.POSITIVE_INFINITY), first(current, Double.POSITIVE_INFINITY));
        double hi = Math.max(last(reference, Double.NEGATIVE_INFINITY), last(current, Double.NEGATIVE_INFINITY));
        if (lo == hi) {
            return new FeatureHistogram(feature, new double[] {lo, hi}, new long[] {reference.length}, new long[] {current.length});
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i < bins; i++) {
            double t = i / (double) bins;
            edges[i] = lo * (1 - t) + hi * t; // not lo + i * (hi - lo) / bins, which overflows for ranges wider than Double.MAX_VALUE
        }
        edges[bins] = hi;
        return new FeatureHistogram(feature, edges, counts(reference, edges), counts(current, edges));
    }

    private static long[] counts(double[] sorted, double[] edges) {
        int bins = edges.length - 1;
        long[] counts = new long[bins];
        int below = 0; // values < edges[i]
        for (int i = 1; i < bins; i++) {
            int next = lowerBound(sorted, edges[i]);
            counts[i - 1] = next - below;
            below = next;
        }
        counts[bins - 1] = sorted.length - below;
        return counts;
    }

    /** How many values are {@code < v}. */
    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double first(double[] sorted, double empty) {
        return sorted.length == 0 ? empty : sorted[0];
    }

    private static double last(double[] sorted, double empty) {
        return sorted.length == 0 ? empty : sorted[sorted.length - 1];
    }
}
