package dev.ballast.ui.drift;

import dev.ballast.drift.app.workflow.WorkflowJson;
import dev.ballast.drift.app.workflow.WorkflowService;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.drift.domain.workflow.WorkflowStep;
import dev.ballast.ui.shell.PageModel;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;
import java.util.Map;

/**
 * One retraining workflow: its state and trigger (the drift check that started it, or the person),
 * the policy as it was when it started (without the executor's secret), each step with its state,
 * attempts, times, output and error, and what it produced: the run, the model version and the
 * promotion request.
 */
@Hidden
@Controller("/ui/drift/workflows/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WorkflowPage {
    private final WorkflowService workflows;
    private final WorkflowJson json;

    public WorkflowPage(WorkflowService workflows, WorkflowJson json) {
        this.workflows = workflows;
        this.json = json;
    }

    /** A step with its output read into fields. */
    public record StepRow(WorkflowStep step, Map<String, Object> output) {
    }

    @Get
    @View("drift/workflow")
    public PageModel workflow(@PathVariable long id) {
        Workflow w = workflows.get(id);
        List<StepRow> steps = workflows.steps(id).stream().map(s -> new StepRow(s, json.read(s.output()))).toList();
        Map<String, Object> policy = json.read(w.policyJson());
        policy.put("secret_set", policy.remove("secret") != null);
        return PageModel.of("drift")
                .with("w", w)
                .with("steps", steps)
                .with("policy", policy);
    }
}
