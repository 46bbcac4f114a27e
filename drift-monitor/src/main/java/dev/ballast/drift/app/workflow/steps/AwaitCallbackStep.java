package dev.ballast.drift.app.workflow.steps;

import dev.ballast.drift.app.workflow.StepAction;
import dev.ballast.drift.app.workflow.StepContext;
import dev.ballast.drift.app.workflow.StepResult;
import dev.ballast.drift.app.workflow.WorkflowJson;
import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.drift.domain.workflow.WorkflowStep;
import dev.ballast.drift.domain.workflow.WorkflowStore;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Step 3 of an external workflow: waits for the executor's signed completion callback, which
 * stores the produced run in this step ({@code WorkflowCallbacks}). Under the workflow's row lock,
 * so a callback that arrives while the step is starting is never lost.
 */
@Singleton
public class AwaitCallbackStep implements StepAction {
    private final WorkflowStore store;
    private final WorkflowJson json;

    public AwaitCallbackStep(WorkflowStore store, WorkflowJson json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public StepName name() {
        return StepName.AWAIT_CALLBACK;
    }

    @Override
    public boolean atomic() {
        return true;
    }

    @Override
    public StepResult run(StepContext context) {
        long id = context.workflow().id();
        store.lock(id);
        WorkflowStep step = store.steps(id).stream().filter(s -> s.name() == StepName.AWAIT_CALLBACK).findFirst().orElseThrow();
        Map<String, Object> output = json.read(step.output());
        return output.containsKey("run_id") ? StepResult.done(output) : StepResult.waiting(output);
    }
}
