package dev.ballast.drift.app.workflow;

import dev.ballast.drift.domain.workflow.StepState;

import java.util.Map;

/**
 * How a step ended: succeeded (or skipped) with its output, or waiting for something outside
 * Ballast (the external executor's callback).
 */
public record StepResult(StepState state, Map<String, Object> output) {

    public static StepResult done(Map<String, Object> output) {
        return new StepResult(StepState.SUCCEEDED, output);
    }

    public static StepResult skipped(Map<String, Object> output) {
        return new StepResult(StepState.SKIPPED, output);
    }

    public static StepResult waiting(Map<String, Object> output) {
        return new StepResult(StepState.WAITING, output);
    }
}
