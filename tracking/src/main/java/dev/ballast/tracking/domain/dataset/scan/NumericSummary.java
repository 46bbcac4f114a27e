package dev.ballast.tracking.domain.dataset.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the statistics of a numeric column from its values in arrival order, in two passes (so nothing here grows
 * with the number of values): the first gives the min, max and a compensated (Neumaier) sum for the mean; the second
 * the sum of squared deviations from the mean (sample standard deviation) and the histogram over numpy.histogram's
 * edges (numpy.linspace, computed operation for operation). numpy computes each value's bin from
 * {@code (x - first) / (last - first) * bins} and then corrects it against the edges so that
 * {@code edges[i] <= x < edges[i + 1]} (the last bin closed); the same is done here. The quantiles, at the positions
 * numpy's 'linear' method reads ({@link #ranks()}), come from elsewhere: a selection in memory or the sorted file.
 * Summing in arrival order makes every figure independent of how (or whether) the values are sorted.
 */
final class NumericSummary {
    static final double[] PERCENTS = {1, 5, 25, 50, 75, 95, 99};
    static final String[] KEYS = {"p1", "p5", "p25", "p50", "p75", "p95", "p99"};

    private final long n;
    private final long infinite;
    private final int requestedBins;
    // first pass
    private long seen;
    private long minKey = Long.MAX_VALUE;
    private long maxKey = Long.MIN_VALUE;
    private double sum;
    private double compensation;
    // quantiles
    private final long[] lower = new long[PERCENTS.length];
    private final long[] upper = new long[PERCENTS.length];
    private final double[] gamma = new double[PERCENTS.length];
    // second pass
    private double mean;
    private double min;
    private double max;
    private int bins;
    private double[] edges;
    private long[] counts;
    private double squares;
    private double squaresCompensation;
    private long position;

    NumericSummary(long n, long infinite, int bins) {
        this.n = n;
        this.infinite = infinite;
        this.requestedBins = bins;
        for (int q = 0; q < PERCENTS.length; q++) {
            double h = (n - 1) * (PERCENTS[q] / 100.0);
            long lo = (long) Math.floor(h);
            long hi = lo + 1;
            if (h >= n - 1) {
                lo = n - 1;
                hi = n - 1;
            }
            if (h < 0) {
                lo = 0;
                hi = 0;
            }
            lower[q] = lo;
            upper[q] = hi;
            gamma[q] = h - Math.floor(h);
        }
    }

    /** The positions in sorted order whose values {@link #finish} needs, ascending. */
    long[] ranks() {
        long[] r = new long[2 * PERCENTS.length];
        for (int q = 0; q < PERCENTS.length; q++) {
            r[2 * q] = lower[q];
            r[2 * q + 1] = upper[q];
        }
        java.util.Arrays.sort(r);
        return r;
    }

    /** First pass: the next values in arrival order, as sortable longs. */
    void first(long[] sortable, int off, int len) {
        long lo = minKey;
        long hi = maxKey;
        double s = sum;
        double c = compensation;
        for (int i = off; i < off + len; i++) {
            long k = sortable[i];
            lo = Math.min(lo, k);
            hi = Math.max(hi, k);
            double x = SortableDouble.fromSortable(k);
            double t = s + x;
            c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
            s = t;
        }
        minKey = lo;
        maxKey = hi;
        sum = s;
        compensation = c;
        seen += len;
    }

    /** Second pass: the same values again, in the same order. */
    void second(long[] sortable, int off, int len) {
        if (edges == null) {
            startSecond();
        }
        double m = mean;
        double s = squares;
        double c = squaresCompensation;
        double[] e = edges;
        long[] cs = counts;
        int last = bins - 1;
        double first = e[0];
        double scale = bins / (e[bins] - first);
        for (int i = off; i < off + len; i++) {
            double x = SortableDouble.fromSortable(sortable[i]);
            double d = x - m;
            double sq = d * d;
            double t = s + sq;
            c += s >= sq ? (s - t) + sq : (sq - t) + s;
            s = t;
            // an estimate (the cast saturates, NaN gives 0), then corrected against the edges
            int bin = (int) ((x - first) * scale);
            bin = bin > last ? last : Math.max(bin, 0);
            while (bin > 0 && x < e[bin]) {
                bin--;
            }
            while (bin < last && x >= e[bin + 1]) {
                bin++;
            }
            cs[bin]++;
        }
        squares = s;
        squaresCompensation = c;
        position += len;
    }

    private void startSecond() {
        if (seen != n) {
            throw new IllegalStateException("first pass saw " + seen + " values, expected " + n);
        }
        mean = (sum + compensation) / n;
        min = SortableDouble.fromSortable(minKey);
        max = SortableDouble.fromSortable(maxKey);
        double firstEdge = min;
        double lastEdge = max;
        if (firstEdge == lastEdge) {
            firstEdge = firstEdge - 0.5;
            lastEdge = lastEdge + 0.5;
        }
        double[] e = linspace(firstEdge, lastEdge, requestedBins + 1);
        boolean increasing = true;
        for (int i = 0; i < requestedBins; i++) {
            increasing &= e[i] < e[i + 1];
        }
        if (increasing) {
            bins = requestedBins;
            edges = e;
        } else {
            // numpy refuses ("Too many bins for data range"): fall back to one bin holding everything
            bins = 1;
            edges = new double[] {firstEdge, lastEdge};
        }
        counts = new long[bins];
    }

    /** numpy.linspace(start, stop, num) with endpoint=True, operation for operation. */
    static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        int div = num - 1;
        double delta = stop - start;
        double step = delta / div;
        for (int i = 0; i < num; i++) {
            double v;
            if (step == 0) {
                v = ((double) i / div) * delta;
            } else {
                v = (double) i * step;
            }
            y[i] = v + start;
        }
        y[num - 1] = stop;
        return y;
    }

    /** numpy's linear interpolation, including its switch to the upper end for t >= 0.5. */
    static double lerp(double a, double b, double t) {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /** The statistics, given the sortable values at {@link #ranks()} (in that order). */
    NumericStats finish(long[] atRanks) {
        if (position != n) {
            throw new IllegalStateException("second pass saw " + position + " values, expected " + n);
        }
        long[] r = ranks();
        Map<String, Double> quantiles = new LinkedHashMap<>();
        for (int q = 0; q < PERCENTS.length; q++) {
            double lo = SortableDouble.fromSortable(atRanks[java.util.Arrays.binarySearch(r, lower[q])]);
            double hi = SortableDouble.fromSortable(atRanks[java.util.Arrays.binarySearch(r, upper[q])]);
            quantiles.put(KEYS[q], lerp(lo, hi, gamma[q]));
        }
        Double std = n < 2 ? null : Math.sqrt((squares + squaresCompensation) / (n - 1));
        List<Double> edgeList = new ArrayList<>(edges.length);
        for (double e : edges) {
            edgeList.add(e);
        }
        List<Long> countList = new ArrayList<>(counts.length);
        for (long c : counts) {
            countList.add(c);
        }
        return new NumericStats(mean, std, min, max, infinite, quantiles, new Histogram(edgeList, countList));
    }
}
