package dev.ballast.tracking.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.domain.Metric;
import dev.ballast.tracking.domain.RunInfo;
import dev.ballast.tracking.domain.RunStore;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A metric's history for a chart: every point when there are few, else at most {@code maxPoints}
 * bucket means computed by the database. A history can hold millions of points; a page must not
 * read them all to draw a line a thousand pixels wide, and the reduction happens in SQL so the
 * points never leave the database. The reduction of a long history is kept while the history
 * does not grow ({@link SampledHistories}), so viewing a finished run again does not read it again.
 */
@Singleton
public class MetricHistorySampler {
    /** The most points a chart series may ask for. */
    public static final int MAX_POINTS = 5_000;

    /** How many reduced long histories are kept (each at most {@link #MAX_POINTS} points). */
    private static final int KEPT_HISTORIES = 256;

    private final RunService runs;
    private final RunStore store;
    private final SampledHistories recent = new SampledHistories(KEPT_HISTORIES);

    public MetricHistorySampler(RunService runs, RunStore store) {
        this.runs = runs;
        this.store = store;
    }

    /** What a chart draws along x. */
    public enum Axis {
        STEP, TIME
    }

    /**
     * A chart series: its points in x order, the number of points the history really holds and
     * whether the points are bucket means ({@code bucketWidth} steps or milliseconds wide) rather
     * than the logged values.
     */
    public record Sampled(String key, List<Metric> points, long totalPoints, boolean downsampled, long bucketWidth) {
    }

    public Sampled sample(String runId, String key, Axis axis, int maxPoints) {
        if (maxPoints < 2 || maxPoints > MAX_POINTS) {
            throw BallastException.invalid("A chart series holds between 2 and " + MAX_POINTS + " points, not " + maxPoints + ".");
        }
        RunInfo info = runs.existingRun(runId);
        if (key == null || key.isEmpty()) {
            throw BallastException.invalid("Missing value for required parameter 'metric_key'.");
        }
        boolean byTime = axis == Axis.TIME;
        // Most histories are short: one bounded read answers them without counting anything.
        List<Metric> head = new ArrayList<>(store.history(info.runId(), key, 0, maxPoints + 1));
        if (head.size() <= maxPoints) {
            if (byTime) {
                head.sort(Comparator.comparingLong(Metric::timestamp).thenComparingLong(Metric::step));
            }
            return new Sampled(key, head, head.size(), false, 0);
        }
        // A long history: reuse its reduction while the history's ends (two index probes) are unchanged.
        RunStore.HistoryEnds ends = store.historyEnds(info.runId(), key).orElseThrow();
        SampledHistories.Key cacheKey = new SampledHistories.Key(info.runId(), key, axis, maxPoints);
        Sampled cached = recent.get(cacheKey, ends);
        if (cached != null) {
            return cached;
        }
        long origin = ends.minStep();
        long last = ends.maxStep();
        if (byTime) {
            // Timestamps are not in index order: their range needs a pass over the points.
            RunStore.HistoryExtent extent = store.historyExtent(info.runId(), key).orElseThrow();
            origin = extent.minTimestamp();
            last = extent.maxTimestamp();
        }
        long width = bucketWidth(last - origin + 1, maxPoints);
        RunStore.Buckets buckets = store.historyBuckets(info.runId(), key, byTime, origin, width);
        Sampled sampled = new Sampled(key, List.copyOf(buckets.means()), buckets.points(),
                width > 1 || buckets.means().size() < buckets.points(), width);
        recent.put(cacheKey, ends, sampled);
        return sampled;
    }

    /** The smallest whole bucket width that cuts {@code span} x units into at most {@code maxBuckets} buckets. */
    static long bucketWidth(long span, int maxBuckets) {
        return Math.max(1, (span + maxBuckets - 1) / maxBuckets);
    }
}
