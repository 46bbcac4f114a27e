package dev.ballast.tracking.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port for runs and what they hold. Every write of params, tags and metrics goes through
 * {@link #logBatch}, the one write path, so batch and single-item calls behave the same.
 */
public interface RunStore {

    void create(RunInfo info, Map<String, String> tags);

    Optional<RunInfo> findInfo(String runId);

    /** Full runs (latest metrics, params, tags, inputs) for these ids, in the given order. */
    List<Run> load(List<String> runIds);

    /** Runs a search query that selects run ids. */
    List<String> searchIds(String sql, List<Object> params);

    void update(String runId, RunStatus status, Long endTime, String runName);

    void setStage(String runId, LifecycleStage stage, Long deletedTime);

    /** Marks every active run of an experiment deleted at {@code time}. */
    void deleteAllOf(long experimentId, long time);

    /** Restores the runs that were deleted together with their experiment at {@code time}. */
    void restoreDeletedWith(long experimentId, long time);

    /**
     * Writes params (immutable: a different value for a logged key fails), tags (overwrite) and
     * metric points (appended; the latest value per key kept up to date) in the caller's transaction.
     */
    void logBatch(String runId, List<Metric> metrics, Map<String, String> params, Map<String, String> tags);

    Optional<String> findTag(String runId, String key);

    /** Deletes a tag and answers whether it existed. */
    boolean deleteTag(String runId, String key);

    /** Metric history ordered by step, timestamp, value; {@code limit} &lt; 0 means all. */
    List<Metric> history(String runId, String key, long offset, int limit);

    /** How many points a metric's history holds and the range of its steps and timestamps; empty when it has none. */
    Optional<HistoryExtent> historyExtent(String runId, String key);

    /**
     * The first and last step of a metric's history and the timestamp of its last point; empty
     * when it has none. Answered from the two ends of the history index without reading the
     * points, unlike {@link #historyExtent}; any point appended to the history changes it.
     */
    Optional<HistoryEnds> historyEnds(String runId, String key);

    /**
     * A metric's history reduced to buckets of {@code width} steps (or milliseconds when
     * {@code byTime}) counted from {@code origin}: per bucket that holds a finite value, the mean
     * of its finite values at the bucket's first step and first timestamp, in bucket order, with
     * the number of points read (NaN included).
     */
    Buckets historyBuckets(String runId, String key, boolean byTime, long origin, long width);

    /**
     * The distinct metric keys of the newest {@code newestRuns} active runs of an experiment, sorted,
     * at most {@code limit}. Bounded by run count so its cost does not grow with the experiment.
     */
    List<String> metricKeys(long experimentId, int newestRuns, int limit);

    /** The distinct param keys of the newest {@code newestRuns} active runs of an experiment, sorted, at most {@code limit}. */
    List<String> paramKeys(long experimentId, int newestRuns, int limit);

    /** The ends of one metric's history: first step, last step and the last point's timestamp. */
    record HistoryEnds(long minStep, long maxStep, long lastTimestamp) {
    }

    /** A history reduced to bucket means, and how many points went into them. */
    record Buckets(List<Metric> means, long points) {
    }

    /** The size and range of one metric's history. */
    record HistoryExtent(long points, long minStep, long maxStep, long minTimestamp, long maxTimestamp) {
    }

    void addInputs(String runId, Collection<DatasetInput> inputs);

    /** Runs whose inputs link to this dataset version (commit id), with each input's context, oldest link first. */
    List<VersionInput> inputsOfDatasetVersion(String commitId);

    /** One run's use of a dataset version. */
    record VersionInput(String runId, String context) {
    }
}
