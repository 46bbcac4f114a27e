package dev.ballast.drift.domain.workflow;

import io.micronaut.core.annotation.Nullable;

/**
 * One retraining of a model, started by a drift check or by hand, with what it produced so far.
 *
 * @param trigger     {@code drift} or {@code manual}
 * @param policyJson  the policy in force when it started (a later change does not alter it)
 * @param baseVersion the version (behind the target alias at the start) whose recipe is retrained
 * @param nextAttemptAt when the engine may next work on it (later than now while a step backs off)
 */
public record Workflow(long id, String model, String trigger, @Nullable Long monitorId, @Nullable Long checkId, String reason,
                       WorkflowState state, Executor executor, String policyJson, @Nullable Integer baseVersion,
                       @Nullable String runId, @Nullable Integer newVersion, @Nullable Long promotionId, @Nullable String error,
                       long nextAttemptAt, String createdBy, long createdAt, long updatedAt, @Nullable Long finishedAt) {
    public static final String DRIFT = "drift";
    public static final String MANUAL = "manual";
}
