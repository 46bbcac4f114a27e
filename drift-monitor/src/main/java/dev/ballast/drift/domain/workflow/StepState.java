package dev.ballast.drift.domain.workflow;

import java.util.Arrays;
import java.util.Locale;

/** The persisted state of one workflow step. */
public enum StepState {
    PENDING,
    RUNNING,
    /** Waiting for something outside Ballast (the external executor's callback). */
    WAITING,
    SUCCEEDED,
    FAILED,
    /** Not needed in this workflow (e.g. no promotion request when the alias moved by policy). */
    SKIPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean done() {
        return this == SUCCEEDED || this == SKIPPED;
    }

    public static StepState parse(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown step state '" + id + "'"));
    }
}
