package dev.ballast.drift.app.workflow;

import dev.ballast.core.error.BallastException;
import dev.ballast.drift.domain.monitor.DriftMonitor;
import dev.ballast.drift.domain.workflow.RetrainingPolicy;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.drift.domain.workflow.WorkflowStore;
import dev.ballast.registry.app.RegistryService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a drift check's verdict into at most one retraining workflow per drift episode. An episode
 * is a monitor's run of checks that find drift; the first check of an episode may start a
 * workflow, unless the model's policy has retraining on drift off, a workflow of the model is
 * still open, or the model's last drift-started workflow is within the cooldown. What it decided
 * is written on the check (the workflow started, or why none was).
 */
@Singleton
public class RetrainingTrigger {
    private final WorkflowStore store;
    private final WorkflowService workflows;
    private final RetrainingPolicies policies;
    private final RegistryService registry;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public RetrainingTrigger(WorkflowStore store, WorkflowService workflows, RetrainingPolicies policies, RegistryService registry,
                             TransactionOperations<Connection> tx, Clock clock) {
        this.store = store;
        this.workflows = workflows;
        this.policies = policies;
        this.registry = registry;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a check did about retraining. */
    public record Decision(@Nullable Long workflowId, @Nullable String note) {
        static final Decision NONE = new Decision(null, null);
    }

    /** Called after a check is stored; {@code drift} is whether it found dataset-level drift. */
    public Decision onCheck(DriftMonitor monitor, long checkId, boolean drift, double driftedShare) {
        if (!drift) {
            return Decision.NONE;
        }
        Decision decision;
        try {
            decision = tx.executeWrite(status -> decide(monitor, checkId, driftedShare));
        } catch (BallastException e) {
            decision = new Decision(null, "No workflow started: " + e.getMessage());
        }
        store.noteCheck(checkId, decision.workflowId(), decision.note());
        return decision;
    }

    private Decision decide(DriftMonitor monitor, long checkId, double driftedShare) {
        RetrainingPolicy policy = policies.get(monitor.model());
        if (!policy.retrainOnDrift()) {
            return new Decision(null, "Retraining on drift is off for " + monitor.model() + ".");
        }
        registry.lockModel(monitor.model());
        Optional<Workflow> open = store.openFor(monitor.model());
        if (open.isPresent()) {
            return new Decision(null, "Workflow #" + open.get().id() + " of " + monitor.model() + " is still open.");
        }
        long calm = store.lastCalmCheckBefore(monitor.id(), checkId);
        if (store.startedByMonitorAfter(monitor.id(), calm)) {
            return new Decision(null, "Same drift episode as an earlier check of this monitor, which already started a workflow.");
        }
        long now = clock.millis();
        Optional<Workflow> last = store.lastDriftTriggered(monitor.model());
        if (last.isPresent() && now - last.get().createdAt() < policy.cooldownSeconds() * 1000L) {
            Instant until = Instant.ofEpochMilli(last.get().createdAt() + policy.cooldownSeconds() * 1000L);
            return new Decision(null, "Cooldown after workflow #" + last.get().id() + " until " + until + ".");
        }
        String reason = String.format(java.util.Locale.ROOT, "Drift check #%d of monitor #%d found drift in %.0f%% of features.",
                checkId, monitor.id(), driftedShare * 100);
        Workflow w = workflows.create(monitor.model(), Workflow.DRIFT, monitor.id(), checkId, reason, monitor.createdBy(), policy);
        return new Decision(w.id(), "Started workflow #" + w.id() + ".");
    }
}
