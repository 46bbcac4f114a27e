package dev.ballast.drift.api.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.drift.app.workflow.WorkflowJson;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.drift.domain.workflow.WorkflowStep;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** The JSON shapes of workflows and their steps (the policy snapshot without its secret). */
final class WorkflowViews {
    private WorkflowViews() {
    }

    @Serdeable
    record StepView(int position, String name, String state, int attempts, @Nullable @JsonProperty("started_at") Long startedAt,
                    @Nullable @JsonProperty("finished_at") Long finishedAt, Map<String, Object> output, @Nullable String error) {
    }

    @Serdeable
    record WorkflowView(long id, String model, String trigger, @Nullable @JsonProperty("monitor_id") Long monitorId,
                        @Nullable @JsonProperty("check_id") Long checkId, String reason, String state, String executor,
                        @Nullable @JsonProperty("base_version") String baseVersion, @Nullable @JsonProperty("run_id") String runId,
                        @Nullable @JsonProperty("new_version") String newVersion,
                        @Nullable @JsonProperty("promotion_id") Long promotionId, @Nullable String error,
                        @JsonProperty("next_attempt_at") long nextAttemptAt, @JsonProperty("created_by") String createdBy,
                        @JsonProperty("created_at") long createdAt, @JsonProperty("updated_at") long updatedAt,
                        @Nullable @JsonProperty("finished_at") Long finishedAt, Map<String, Object> policy,
                        @Nullable List<StepView> steps) {
    }

    static WorkflowView of(Workflow w, @Nullable List<WorkflowStep> steps, WorkflowJson json) {
        Map<String, Object> policy = json.read(w.policyJson());
        policy.put("secret_set", policy.remove("secret") != null);
        List<StepView> stepViews = steps == null ? null : steps.stream().map(s -> new StepView(s.position(), s.name().id(),
                s.state().id(), s.attempts(), s.startedAt(), s.finishedAt(), json.read(s.output()), s.error())).toList();
        return new WorkflowView(w.id(), w.model(), w.trigger(), w.monitorId(), w.checkId(), w.reason(), w.state().id(), w.executor().id(),
                str(w.baseVersion()), w.runId(), str(w.newVersion()), w.promotionId(), w.error(), w.nextAttemptAt(), w.createdBy(),
                w.createdAt(), w.updatedAt(), w.finishedAt(), policy, stepViews);
    }

    private static String str(Integer v) {
        return v == null ? null : String.valueOf(v);
    }
}
