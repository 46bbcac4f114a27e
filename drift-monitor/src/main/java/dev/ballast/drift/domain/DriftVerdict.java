package dev.ballast.drift.domain;

import java.util.Locale;

/**
 * The answer of a check, for one feature or the whole dataset. {@link #INSUFFICIENT_DATA} exists so that too few
 * values never read as "no drift": a monitor that stopped receiving traffic must not look healthy.
 */
public enum DriftVerdict {
    DRIFT,
    NO_DRIFT,
    INSUFFICIENT_DATA;

    /** The JSON spelling: {@code drift}, {@code no_drift}, {@code insufficient_data}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
