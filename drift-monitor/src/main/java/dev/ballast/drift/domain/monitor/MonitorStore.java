package dev.ballast.drift.domain.monitor;

import dev.ballast.drift.domain.FeatureDrift;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Optional;

/** Where drift monitors and the results of their checks are kept. */
public interface MonitorStore {

    long insert(DriftMonitor monitor);

    Optional<DriftMonitor> find(long id);

    List<DriftMonitor> list(@Nullable String model);

    /** Writes every changeable field (settings, current window, features, schedule, enabled, updated_at). */
    void update(DriftMonitor monitor);

    /** Deletes the monitor with its checks; false when there was none. */
    boolean delete(long id);

    /**
     * Stores one check in one transaction: the check with its report, its histograms and one row per feature (the
     * time series of statistic and p-value).
     *
     * @param histogramsJson the reference and current histograms of the numeric features, null when there are none
     */
    long insertCheck(StoredCheck check, List<FeatureDrift> features, @Nullable String histogramsJson);

    /** Newest first, without histograms. */
    List<StoredCheck> checks(long monitorId, int limit);

    /** One check of the monitor with its histograms. */
    Optional<CheckDetail> check(long monitorId, long checkId);

    /** One feature's results over the monitor's checks, newest first, at most {@code limit}. */
    List<SeriesPoint> series(long monitorId, String feature, int limit);

    /**
     * One check's outcome.
     *
     * @param modelVersion the served version whose inputs were checked (null when none was served)
     * @param reportJson   the per-feature results as the drift API answers them
     * @param workflowId   the retraining workflow this check started, if any
     * @param retraining   what the check did about retraining (the workflow started, or why none), null without drift
     */
    record StoredCheck(long id, long monitorId, long checkedAt, Integer modelVersion, String verdict, double driftedShare,
                       int currentRows, String reportJson, Long workflowId, String retraining) {
    }

    /** A check and its histograms (null for checks stored before histograms were kept). */
    record CheckDetail(StoredCheck check, @Nullable String histogramsJson) {
    }

    /** One feature's result in one check: a point of its time series. */
    record SeriesPoint(long checkId, long checkedAt, @Nullable Integer modelVersion, String verdict, @Nullable Double statistic,
                       @Nullable Double pValue, @Nullable Double adjustedPValue, @Nullable Double psi) {
    }
}
