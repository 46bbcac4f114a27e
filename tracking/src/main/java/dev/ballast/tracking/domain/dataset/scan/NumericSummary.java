package dev.ballast.tracking.domain.dataset.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the order statistics of a numeric column while its sorted values stream past once: quantiles captured at
 * the positions numpy's 'linear' method reads, the histogram over numpy.histogram's edges (numpy.linspace, computed
 * operation for operation) and the sum of squared deviations from the mean for the sample standard deviation.
 * numpy computes each value's bin from {@code (x - first) / (last - first) * bins} and then corrects it against the
 * edges so that {@code edges[i] <= x < edges[i + 1]} (the last bin closed); as the values come sorted, the same bins are
 * found by walking the edges, without a division per value. The count, mean,
 * min and max come from the pass, so nothing here grows with the number of values.
 */
final class NumericSummary {
    static final double[] PERCENTS = {1, 5, 25, 50, 75, 95, 99};
    static final String[] KEYS = {"p1", "p5", "p25", "p50", "p75", "p95", "p99"};

    private final long n;
    private final double mean;
    private final double min;
    private final double max;
    private final long infinite;
    // quantiles
    private final long[] lower = new long[PERCENTS.length];
    private final long[] upper = new long[PERCENTS.length];
    private final double[] gamma = new double[PERCENTS.length];
    private final double[] lowerValue = new double[PERCENTS.length];
    private final double[] upperValue = new double[PERCENTS.length];
    // histogram
    private final int bins;
    private final double[] edges;
    private final long[] counts;
    // deviations (Neumaier-compensated sum)
    private double squares;
    private double squaresCompensation;
    private long position;
    /** Bin of the last value seen: values come sorted, so bins are found by walking the edges. */
    private int currentBin;

    NumericSummary(long n, double mean, double min, double max, long infinite, int bins) {
        this.n = n;
        this.mean = mean;
        this.min = min;
        this.max = max;
        this.infinite = infinite;
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
        double firstEdge = min;
        double lastEdge = max;
        if (firstEdge == lastEdge) {
            firstEdge = firstEdge - 0.5;
            lastEdge = lastEdge + 0.5;
        }
        double[] e = linspace(firstEdge, lastEdge, bins + 1);
        boolean increasing = true;
        for (int i = 0; i < bins; i++) {
            increasing &= e[i] < e[i + 1];
        }
        if (increasing) {
            this.bins = bins;
            this.edges = e;
        } else {
            // numpy refuses ("Too many bins for data range"): fall back to one bin holding everything
            this.bins = 1;
            this.edges = new double[] {firstEdge, lastEdge};
        }
        this.counts = new long[this.bins];
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

    /** Accepts the next values in ascending order, as raw double values. */
    void accept(double[] values, int off, int len) {
        long start = position;
        for (int q = 0; q < PERCENTS.length; q++) {
            if (lower[q] >= start && lower[q] < start + len) {
                lowerValue[q] = values[off + (int) (lower[q] - start)];
            }
            if (upper[q] >= start && upper[q] < start + len) {
                upperValue[q] = values[off + (int) (upper[q] - start)];
            }
        }
        double m = mean;
        double s = squares;
        double c = squaresCompensation;
        int last = bins - 1;
        int bin = currentBin;
        double[] e = edges;
        for (int i = off; i < off + len; i++) {
            double x = values[i];
            double d = x - m;
            double sq = d * d;
            double t = s + sq;
            c += s >= sq ? (s - t) + sq : (sq - t) + s;
            s = t;
            while (bin < last && x >= e[bin + 1]) {
                bin++;
            }
            counts[bin]++;
        }
        currentBin = bin;
        squares = s;
        squaresCompensation = c;
        position += len;
    }

    NumericStats finish() {
        if (position != n) {
            throw new IllegalStateException("saw " + position + " values, expected " + n);
        }
        Map<String, Double> quantiles = new LinkedHashMap<>();
        for (int q = 0; q < PERCENTS.length; q++) {
            quantiles.put(KEYS[q], lerp(lowerValue[q], upperValue[q], gamma[q]));
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
