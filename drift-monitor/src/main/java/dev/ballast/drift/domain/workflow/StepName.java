package dev.ballast.drift.domain.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The steps a retraining workflow goes through, in order. Ballast's own executor trains;
 * the external one hands training to a configured webhook and waits for its callback.
 */
public enum StepName {
    CHOOSE_DATA,
    TRAIN,
    LOG_RUN,
    DISPATCH,
    AWAIT_CALLBACK,
    REGISTER_VERSION,
    EVALUATE_GATES,
    OPEN_PROMOTION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepName parse(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown workflow step '" + id + "'"));
    }

    /** The steps of a workflow run by {@code executor}. */
    public static List<StepName> plan(Executor executor) {
        return executor == Executor.INTERNAL
                ? List.of(CHOOSE_DATA, TRAIN, LOG_RUN, REGISTER_VERSION, EVALUATE_GATES, OPEN_PROMOTION)
                : List.of(CHOOSE_DATA, DISPATCH, AWAIT_CALLBACK, REGISTER_VERSION, EVALUATE_GATES, OPEN_PROMOTION);
    }
}
