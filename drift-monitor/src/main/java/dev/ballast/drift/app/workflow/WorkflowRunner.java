package dev.ballast.drift.app.workflow;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.drift.domain.workflow.RetrainingPolicy;
import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.drift.domain.workflow.StepState;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.drift.domain.workflow.WorkflowState;
import dev.ballast.drift.domain.workflow.WorkflowStep;
import dev.ballast.drift.domain.workflow.WorkflowStore;
import dev.ballast.registry.app.event.Backoff;
import dev.ballast.registry.domain.event.RegistryEventType;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works a workflow through its steps, persisting each step's state: started (attempts + 1), then
 * succeeded with its output, or failed. A failed attempt is retried with exponential backoff up to
 * {@code ballast.workflows.retry.max-attempts} when the failure may pass (I/O, database, a busy
 * receiver); a refusal that will not pass (bad recipe, missing data) fails the workflow at once.
 * Run again after a crash, it starts from the first step not done, so no step is done twice.
 */
@Singleton
public class WorkflowRunner {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowRunner.class);

    private final WorkflowStore store;
    private final Map<StepName, StepAction> actions;
    private final WorkflowJson json;
    private final WorkflowEvents events;
    private final WorkflowSettings settings;
    private final Backoff backoff;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public WorkflowRunner(WorkflowStore store, List<StepAction> actions, WorkflowJson json, WorkflowEvents events,
                          WorkflowSettings settings, TransactionOperations<Connection> tx, Clock clock) {
        this.store = store;
        this.actions = actions.stream().collect(Collectors.toMap(StepAction::name, Function.identity(), (a, b) -> a,
                () -> new EnumMap<>(StepName.class)));
        this.json = json;
        this.events = events;
        this.settings = settings;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        this.tx = tx;
        this.clock = clock;
    }

    /** Runs the workflow's remaining steps until it finishes, waits, or backs off after a failure. */
    public void run(long workflowId) {
        Workflow w = store.find(workflowId).orElse(null);
        if (w == null || w.state() != WorkflowState.RUNNING || w.nextAttemptAt() > clock.millis()) {
            return;
        }
        RetrainingPolicy policy = PolicyJson.read(json, w.policyJson());
        Map<StepName, Map<String, Object>> outputs = new EnumMap<>(StepName.class);
        for (WorkflowStep step : store.steps(workflowId)) {
            if (step.state().done()) {
                outputs.put(step.name(), json.read(step.output()));
                continue;
            }
            if (step.state() == StepState.WAITING || step.state() == StepState.FAILED) {
                return;
            }
            w = store.find(workflowId).orElseThrow();
            if (!runStep(w, policy, step, outputs)) {
                return;
            }
        }
        finish(workflowId);
    }

    /** @return true when the step is done and the next one may run */
    private boolean runStep(Workflow w, RetrainingPolicy policy, WorkflowStep step, Map<StepName, Map<String, Object>> outputs) {
        StepAction action = actions.get(step.name());
        store.startStep(w.id(), step.position(), clock.millis());
        StepContext context = new StepContext(w, policy, step.position(), outputs, json.read(step.output()), store, json);
        try {
            StepResult result = action.atomic()
                    ? tx.executeWrite(status -> complete(w, step, action.run(context)))
                    : complete(w, step, action.run(context));
            if (result.state() == StepState.WAITING) {
                return false;
            }
            outputs.put(step.name(), result.output());
            return true;
        } catch (RuntimeException e) {
            failed(w, step, e);
            return false;
        }
    }

    private StepResult complete(Workflow w, WorkflowStep step, StepResult result) {
        pause();
        return tx.executeWrite(status -> {
            long now = clock.millis();
            store.finishStep(w.id(), step.position(), result.state(), json.write(result.output()), null, now);
            Workflow current = store.find(w.id()).orElseThrow();
            Workflow updated = Summaries.apply(current, step.name(), result, now);
            store.update(updated);
            if (result.state() == StepState.WAITING) {
                events.publish(RegistryEventType.WORKFLOW_WAITING, updated, Map.of("step", step.name().id()));
            } else {
                events.publish(RegistryEventType.WORKFLOW_STEP_COMPLETED, updated, Map.of("step", step.name().id(),
                        "step_state", result.state().id()));
            }
            return result;
        });
    }

    /** The crash tests' window: a pause after a step's effects, before its completion commits. */
    private void pause() {
        long millis = settings.stepPause().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void failed(Workflow w, WorkflowStep step, RuntimeException e) {
        int attempts = step.attempts() + 1;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        boolean retry = retryable(e) && attempts < settings.maxAttempts();
        LOG.warn("Workflow #{} step {} attempt {} failed{}: {}", w.id(), step.name().id(), attempts,
                retry ? " (will retry)" : "", message, retry ? null : e);
        tx.executeWrite(status -> {
            long now = clock.millis();
            Workflow current = store.find(w.id()).orElseThrow();
            if (retry) {
                store.failAttempt(w.id(), step.position(), message);
                long next = now + backoff.delayAfter(attempts).toMillis();
                store.update(with(current, WorkflowState.RUNNING, null, next, now, null));
            } else {
                store.finishStep(w.id(), step.position(), StepState.FAILED, null, message, now);
                Workflow failed = with(current, WorkflowState.FAILED, step.name().id() + ": " + message, current.nextAttemptAt(), now, now);
                store.update(failed);
                events.publish(RegistryEventType.WORKFLOW_FAILED, failed, Map.of("step", step.name().id(), "error", message));
            }
            return null;
        });
    }

    private void finish(long workflowId) {
        tx.executeWrite(status -> {
            long now = clock.millis();
            Workflow current = store.find(workflowId).orElseThrow();
            if (current.state() != WorkflowState.RUNNING) {
                return null;
            }
            Workflow done = with(current, WorkflowState.SUCCEEDED, null, current.nextAttemptAt(), now, now);
            store.update(done);
            events.publish(RegistryEventType.WORKFLOW_SUCCEEDED, done, Map.of());
            return null;
        });
    }

    /** Failures that may pass on a later attempt; Ballast's own refusals (4xx) will not. */
    static boolean retryable(RuntimeException e) {
        if (e instanceof BallastException b) {
            ErrorCode code = b.code();
            return code == ErrorCode.TEMPORARILY_UNAVAILABLE || code == ErrorCode.INTERNAL_ERROR || code == ErrorCode.RESOURCE_CONFLICT;
        }
        return true;
    }

    static Workflow with(Workflow w, WorkflowState state, String error, long nextAttemptAt, long now, Long finishedAt) {
        return new Workflow(w.id(), w.model(), w.trigger(), w.monitorId(), w.checkId(), w.reason(), state, w.executor(), w.policyJson(),
                w.baseVersion(), w.runId(), w.newVersion(), w.promotionId(), error, nextAttemptAt, w.createdBy(), w.createdAt(), now,
                finishedAt);
    }
}
