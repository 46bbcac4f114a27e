package dev.ballast.drift.domain.workflow;

import java.util.Arrays;
import java.util.Locale;

/** Where a retraining workflow is: open ({@code running}, {@code waiting}) or finished. */
public enum WorkflowState {
    /** Ballast is working through its steps (or waiting for a retry). */
    RUNNING,
    /** An external executor is training; the workflow waits for its signed callback. */
    WAITING,
    SUCCEEDED,
    FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean open() {
        return this == RUNNING || this == WAITING;
    }

    public static WorkflowState parse(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown workflow state '" + id + "'"));
    }
}
