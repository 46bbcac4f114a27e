package dev.ballast.bench;

import java.util.Arrays;

/**
 * A set of measured durations (nanoseconds) and the order statistics the report quotes. Uses
 * the nearest-rank definition of a percentile, so every figure is a latency that was actually
 * observed.
 */
public final class Latencies {
    private final long[] sorted;

    public Latencies(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.sorted = nanos.clone();
        Arrays.sort(this.sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile {@code p} (0 &lt; p &lt;= 100), in nanoseconds. */
    public long percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile out of range: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public long median() {
        return percentile(50);
    }

    public long p95() {
        return percentile(95);
    }

    public long p99() {
        return percentile(99);
    }

    public long min() {
        return sorted[0];
    }

    public long max() {
        return sorted[sorted.length - 1];
    }

    public static double millis(long nanos) {
        return nanos / 1e6;
    }
}
