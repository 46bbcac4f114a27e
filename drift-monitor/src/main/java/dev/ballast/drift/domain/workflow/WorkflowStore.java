package dev.ballast.drift.domain.workflow;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Optional;

/** Persistence of retraining workflows and their steps. */
public interface WorkflowStore {
    /** Inserts the workflow and its steps (all pending), returning its id. */
    long insert(Workflow w, List<StepName> steps);

    Optional<Workflow> find(long id);

    /** Locks the workflow's row until the transaction ends (callbacks and the engine take turns). */
    Optional<Workflow> lock(long id);

    /** Newest first; {@code model} and {@code state} filter when not null; {@code beforeId} pages. */
    List<Workflow> list(@Nullable String model, @Nullable WorkflowState state, int limit, @Nullable Long beforeId);

    List<WorkflowStep> steps(long workflowId);

    /** The model's open (running or waiting) workflow, if any. */
    Optional<Workflow> openFor(String model);

    /** The model's newest workflow started by a drift check. */
    Optional<Workflow> lastDriftTriggered(String model);

    /** Ids of open, running workflows whose next attempt is due at {@code now}. */
    List<Long> due(long now);

    /** Whether any workflow was started by a check of this monitor with an id above {@code afterCheckId}. */
    boolean startedByMonitorAfter(long monitorId, long afterCheckId);

    /** The id of this monitor's newest check before {@code checkId} that did not find drift, or 0. */
    long lastCalmCheckBefore(long monitorId, long checkId);

    /** Marks a step started: state running, attempts + 1. */
    void startStep(long workflowId, int position, long now);

    /** Saves a step's output so far without finishing it (a checkpoint inside a step). */
    void saveStepOutput(long workflowId, int position, String output);

    void finishStep(long workflowId, int position, StepState state, @Nullable String output, @Nullable String error, long now);

    /** Records a failed attempt: the error stays on the step, which goes back to pending. */
    void failAttempt(long workflowId, int position, String error);

    void update(Workflow w);

    /** What a drift check did about retraining. */
    void noteCheck(long checkId, @Nullable Long workflowId, String note);
}
