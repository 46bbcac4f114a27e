package dev.ballast.drift.app.workflow;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.drift.domain.workflow.Executor;
import dev.ballast.drift.domain.workflow.RetrainingPolicy;
import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.drift.domain.workflow.StepState;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.drift.domain.workflow.WorkflowState;
import dev.ballast.drift.domain.workflow.WorkflowStep;
import dev.ballast.drift.domain.workflow.WorkflowStore;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.domain.event.RegistryEventType;
import dev.ballast.registry.domain.model.ModelVersion;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Starts, lists and retries retraining workflows. At most one workflow per model is open at a
 * time: starting takes the model's lock, so two triggers racing (two monitors, a person and a
 * drift check, two replicas) start one workflow between them.
 */
@Singleton
public class WorkflowService {
    private static final int MAX_REASON = 5000;

    private final WorkflowStore store;
    private final RetrainingPolicies policies;
    private final RegistryService registry;
    private final WorkflowEngine engine;
    private final WorkflowEvents events;
    private final WorkflowJson json;
    private final Clock clock;

    public WorkflowService(WorkflowStore store, RetrainingPolicies policies, RegistryService registry, WorkflowEngine engine,
                           WorkflowEvents events, WorkflowJson json, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.registry = registry;
        this.engine = engine;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** A person starts a workflow for a model (409 while one is open; no cooldown for people). */
    @Transactional
    public Workflow startManually(Actor actor, String model, @Nullable String reason) {
        String why = reason == null || reason.isBlank() ? "Started by " + actor.username() + "." : reason.trim();
        if (why.length() > MAX_REASON) {
            throw BallastException.invalid("'reason' is longer than " + MAX_REASON + " characters.");
        }
        registry.lockModel(model);
        store.openFor(model).ifPresent(open -> {
            throw new BallastException(ErrorCode.RESOURCE_CONFLICT, "Workflow #" + open.id() + " of " + model + " is still "
                    + open.state().id() + "; wait for it to finish.");
        });
        return create(model, Workflow.MANUAL, null, null, why, actor.username(), policies.get(model));
    }

    /**
     * Creates a workflow; the caller holds the model's lock and has checked that none is open.
     * The workflow runs once the transaction commits.
     */
    Workflow create(String model, String trigger, @Nullable Long monitorId, @Nullable Long checkId, String reason, String createdBy,
                    RetrainingPolicy policy) {
        ModelVersion current = registry.versionByAlias(model, policy.targetAlias());
        if (policy.executor() == Executor.INTERNAL && current.modelSpec() == null) {
            throw new BallastException(ErrorCode.INVALID_STATE, current.label() + " (the '" + policy.targetAlias()
                    + "' version) is a plain MLflow version with no Tribuo recipe; configure an external executor to retrain it.");
        }
        long now = clock.millis();
        Workflow w = new Workflow(0, model, trigger, monitorId, checkId, reason, WorkflowState.RUNNING, policy.executor(),
                PolicyJson.write(json, policy), current.version(), null, null, null, null, now, createdBy, now, now, null);
        long id = store.insert(w, StepName.plan(policy.executor()));
        Workflow created = get(id);
        events.publish(RegistryEventType.WORKFLOW_STARTED, created, Map.of("reason", reason));
        engine.startAfterCommit(id);
        return created;
    }

    public Workflow get(long id) {
        return store.find(id).orElseThrow(() -> BallastException.notFound("Workflow " + id + " not found."));
    }

    public List<WorkflowStep> steps(long id) {
        return store.steps(id);
    }

    public List<Workflow> list(@Nullable String model, @Nullable WorkflowState state, int limit, @Nullable Long beforeId) {
        return store.list(model, state, limit, beforeId);
    }

    /** Runs a failed workflow again from its failed step (its earlier steps stay done). */
    @Transactional
    public Workflow retry(Actor actor, long id) {
        Workflow w = get(id);
        registry.lockModel(w.model());
        w = store.lock(id).orElseThrow();
        if (w.state() != WorkflowState.FAILED) {
            throw new BallastException(ErrorCode.INVALID_STATE, "Workflow #" + id + " is " + w.state().id() + "; only a failed one is retried.");
        }
        store.openFor(w.model()).ifPresent(open -> {
            throw new BallastException(ErrorCode.RESOURCE_CONFLICT, "Workflow #" + open.id() + " of " + open.model() + " is open.");
        });
        for (WorkflowStep s : store.steps(id)) {
            if (s.state() == StepState.FAILED) {
                store.failAttempt(id, s.position(), s.error() == null ? "failed" : s.error());
            }
        }
        long now = clock.millis();
        Workflow resumed = WorkflowRunner.with(w, WorkflowState.RUNNING, null, now, now, null);
        store.update(resumed);
        events.publish(RegistryEventType.WORKFLOW_STARTED, resumed, Map.of("retried_by", actor.username()));
        engine.startAfterCommit(id);
        return resumed;
    }
}
