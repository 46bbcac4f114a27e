package dev.ballast.drift.domain.monitor;

import java.util.List;
import java.util.Optional;

/** Where drift monitors and the results of their checks are kept. */
public interface MonitorStore {

    long insert(DriftMonitor monitor);

    Optional<DriftMonitor> find(long id);

    List<DriftMonitor> list(String model);

    long insertCheck(StoredCheck check);

    /** Newest first. */
    List<StoredCheck> checks(long monitorId, int limit);

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
}
