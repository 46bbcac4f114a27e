package dev.ballast.tracking.domain;

import java.util.Locale;

/** MLflow's soft-delete state of experiments and runs; stored and sent in lower case. */
public enum LifecycleStage {
    ACTIVE,
    DELETED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LifecycleStage fromWire(String value) {
        return LifecycleStage.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
