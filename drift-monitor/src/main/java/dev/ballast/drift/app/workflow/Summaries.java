package dev.ballast.drift.app.workflow;

import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.drift.domain.workflow.StepState;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.drift.domain.workflow.WorkflowState;

import java.util.Map;

/**
 * Copies what a finished step produced onto the workflow's summary fields (run, new version,
 * promotion request), so lists show them without reading the steps.
 */
final class Summaries {
    private Summaries() {
    }

    static Workflow apply(Workflow w, StepName step, StepResult result, long now) {
        Map<String, Object> out = result.output();
        String runId = w.runId();
        Integer newVersion = w.newVersion();
        Long promotionId = w.promotionId();
        if ((step == StepName.LOG_RUN || step == StepName.AWAIT_CALLBACK) && out.get("run_id") != null) {
            runId = out.get("run_id").toString();
        }
        if (step == StepName.REGISTER_VERSION && out.get("version") != null) {
            newVersion = StepContext.integer(out, "version");
        }
        if (step == StepName.OPEN_PROMOTION && out.get("promotion_id") instanceof Number n) {
            promotionId = n.longValue();
        }
        WorkflowState state = result.state() == StepState.WAITING ? WorkflowState.WAITING : WorkflowState.RUNNING;
        return new Workflow(w.id(), w.model(), w.trigger(), w.monitorId(), w.checkId(), w.reason(), state, w.executor(), w.policyJson(),
                w.baseVersion(), runId, newVersion, promotionId, w.error(), w.nextAttemptAt(), w.createdBy(), w.createdAt(), now,
                w.finishedAt());
    }
}
