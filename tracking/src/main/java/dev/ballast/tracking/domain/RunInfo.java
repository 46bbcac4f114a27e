package dev.ballast.tracking.domain;

/** The attributes of a run (MLflow's RunInfo); run ids are 32 lowercase hex characters. */
public record RunInfo(String runId, long experimentId, String runName, String userId, RunStatus status,
                      Long startTime, Long endTime, LifecycleStage stage, String artifactUri) {

    public boolean active() {
        return stage == LifecycleStage.ACTIVE;
    }
}
