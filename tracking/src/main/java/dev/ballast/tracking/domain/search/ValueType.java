package dev.ballast.tracking.domain.search;

/** The type of value a field is compared with, which decides which literals a filter may use. */
public enum ValueType {
    /** A quoted string; bound as {@link String}. */
    STRING,
    /**
     * An integral number for a {@code BIGINT} column (epoch milliseconds, ids); bound as
     * {@link Long}. Fractions are refused rather than bound as doubles, since the two databases
     * would round or compare them differently.
     */
    INTEGER,
    /** A number for a {@code DOUBLE PRECISION} column; bound as {@link Double}. */
    DOUBLE
}
