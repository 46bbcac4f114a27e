package dev.ballast.drift.domain.workflow;

import java.util.Arrays;
import java.util.Locale;

/** Who trains in a retraining workflow: Ballast itself, or an external system called by webhook. */
public enum Executor {
    INTERNAL,
    EXTERNAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Executor parse(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown executor '" + id + "': use internal or external."));
    }
}
