package dev.ballast.drift.api.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.core.error.BallastException;
import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.drift.app.workflow.WorkflowCallbacks;
import dev.ballast.drift.app.workflow.WorkflowJson;
import dev.ballast.drift.app.workflow.WorkflowService;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.drift.domain.workflow.WorkflowState;
import dev.ballast.registry.app.event.WebhookSender;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;

/**
 * Retraining workflows: list and read them with their steps, start one by hand, retry a failed
 * one, and the external executor's signed completion callback (which authenticates by signature,
 * so its path is open to callers without a user).
 */
@Controller("/api/v1/workflows")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Workflows")
public class WorkflowsController {
    private final WorkflowService workflows;
    private final WorkflowCallbacks callbacks;
    private final WorkflowJson json;

    public WorkflowsController(WorkflowService workflows, WorkflowCallbacks callbacks, WorkflowJson json) {
        this.workflows = workflows;
        this.callbacks = callbacks;
        this.json = json;
    }

    @Serdeable
    record StartRequest(@Nullable String model, @Nullable String reason) {
    }

    @Serdeable
    record WorkflowList(List<WorkflowViews.WorkflowView> workflows, @Nullable @JsonProperty("next_before_id") Long nextBeforeId) {
    }

    @Get
    @Operation(summary = "Workflows, newest first; filter by model and state (running, waiting, succeeded, failed)")
    public WorkflowList list(@Nullable @QueryValue String model, @Nullable @QueryValue String state,
                             @Nullable @QueryValue("max_results") Integer maxResults,
                             @Nullable @QueryValue("before_id") Long beforeId) {
        int limit = maxResults == null ? 50 : maxResults;
        if (limit < 1 || limit > 500) {
            throw BallastException.invalid("Invalid max_results " + limit + ": it must be between 1 and 500.");
        }
        WorkflowState wanted = null;
        if (state != null) {
            try {
                wanted = WorkflowState.parse(state.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw BallastException.invalid(e.getMessage() + ": use running, waiting, succeeded or failed.");
            }
        }
        List<Workflow> page = workflows.list(model, wanted, limit, beforeId);
        Long next = page.size() == limit ? page.get(page.size() - 1).id() : null;
        return new WorkflowList(page.stream().map(w -> WorkflowViews.of(w, null, json)).toList(), next);
    }

    @Get("/{id}")
    @Operation(summary = "A workflow with each step's state, attempts and output")
    public WorkflowViews.WorkflowView get(@PathVariable long id) {
        return WorkflowViews.of(workflows.get(id), workflows.steps(id), json);
    }

    @Post
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Start a retraining workflow for a model now (409 while one is open)")
    public HttpResponse<WorkflowViews.WorkflowView> start(@Parameter(hidden = true) Actor actor, @Body StartRequest r) {
        if (r.model() == null || r.model().isBlank()) {
            throw BallastException.invalid("Give the 'model' to retrain.");
        }
        Workflow w = workflows.startManually(actor, r.model(), r.reason());
        return HttpResponse.created(WorkflowViews.of(w, workflows.steps(w.id()), json));
    }

    @Post("/{id}/retry")
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Run a failed workflow again from its failed step")
    public WorkflowViews.WorkflowView retry(@Parameter(hidden = true) Actor actor, @PathVariable long id) {
        Workflow w = workflows.retry(actor, id);
        return WorkflowViews.of(w, workflows.steps(id), json);
    }

    @Post(value = "/{id}/callback", consumes = "application/json")
    @Operation(summary = "The external executor's signed completion callback (X-Ballast-Timestamp, X-Ballast-Signature)")
    public HttpResponse<WorkflowViews.WorkflowView> callback(@PathVariable long id,
                                                             @Nullable @Header(WebhookSender.TIMESTAMP) String timestamp,
                                                             @Nullable @Header(WebhookSender.SIGNATURE) String signature,
                                                             @Body byte[] body) {
        Workflow w = callbacks.complete(id, timestamp, signature, body);
        return HttpResponse.accepted().body(WorkflowViews.of(w, workflows.steps(id), json));
    }
}
