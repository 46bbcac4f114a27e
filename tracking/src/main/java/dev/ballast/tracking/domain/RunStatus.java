package dev.ballast.tracking.domain;

import dev.ballast.core.error.BallastException;

import java.util.Locale;

/** MLflow's run states, with the protobuf numbers clients may send instead of names. */
public enum RunStatus {
    RUNNING(1),
    SCHEDULED(2),
    FINISHED(3),
    FAILED(4),
    KILLED(5);

    private final int number;

    RunStatus(int number) {
        this.number = number;
    }

    /** Parses a name ("FINISHED", any case) or a protobuf number (3). */
    public static RunStatus parse(Object value) {
        if (value instanceof Number n) {
            for (RunStatus s : values()) {
                if (s.number == n.intValue() && n.doubleValue() == n.intValue()) {
                    return s;
                }
            }
        } else if (value instanceof String s) {
            String v = s.trim().toUpperCase(Locale.ROOT);
            if (v.matches("\\d+")) {
                return parse(Integer.parseInt(v));
            }
            for (RunStatus st : values()) {
                if (st.name().equals(v)) {
                    return st;
                }
            }
        }
        throw BallastException.invalid("Invalid value " + value + " for parameter 'status' supplied. "
                + "Use one of RUNNING, SCHEDULED, FINISHED, FAILED, KILLED.");
    }
}
