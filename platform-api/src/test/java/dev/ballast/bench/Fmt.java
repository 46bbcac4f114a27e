package dev.ballast.bench;

import java.util.Locale;

/** Number formatting shared by the benchmarks so the report reads the same everywhere. */
public final class Fmt {
    private Fmt() {
    }

    /** A rate with thousands separators, e.g. {@code 123,456 points/s}. */
    public static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
    }

    public static String millis(long nanos) {
        double ms = nanos / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : ms < 100 ? "%.1f ms" : "%.0f ms", ms);
    }

    /** Ballast as a share of a baseline throughput, e.g. {@code 41% of baseline}. */
    public static String shareOf(double ballast, double baseline) {
        return String.format(Locale.ROOT, "%.0f%% of baseline", 100.0 * ballast / baseline);
    }

    /** Ballast's latency as a multiple of the baseline's, e.g. {@code 2.3x baseline}. */
    public static String timesOf(long ballastNanos, long baselineNanos) {
        return String.format(Locale.ROOT, "%.1fx baseline", (double) ballastNanos / Math.max(baselineNanos, 1));
    }

    public static String bytes(long n) {
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
        }
        if (n >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", n / (double) (1L << 10));
        }
        return n + " B";
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
