package dev.ballast.drift.app.workflow;

import dev.ballast.drift.domain.workflow.StepName;

/**
 * What one kind of workflow step does. The engine persists its state around it: started
 * (attempts + 1), then finished with its output. An {@link #atomic()} step's effects are all in
 * Ballast's database and commit in the same transaction as its finished state, so a crash leaves
 * either both or neither; other steps make their effects repeatable (checkpoints, lookups).
 */
public interface StepAction {
    StepName name();

    boolean atomic();

    StepResult run(StepContext context);
}
