package dev.ballast.drift.domain.workflow;

import io.micronaut.core.annotation.Nullable;

/**
 * One persisted step of a workflow.
 *
 * @param attempts how many times it was started (a retry or a resume after a crash adds one)
 * @param output   what it produced, as JSON, read by the steps after it
 */
public record WorkflowStep(long workflowId, int position, StepName name, StepState state, int attempts, @Nullable Long startedAt,
                           @Nullable Long finishedAt, @Nullable String output, @Nullable String error) {
}
