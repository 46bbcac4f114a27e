package dev.ballast.tracking.domain.dataset.scan;

/**
 * The type inferred for a column from all its values, the least type of the lattice
 * {@code EMPTY -> BOOLEAN | INTEGER -> DOUBLE -> STRING} that holds every present value
 * (booleans mixed with numbers make a {@code STRING} column).
 */
public enum ColumnType {
    /** Every value is missing. */
    EMPTY,
    BOOLEAN,
    /** Whole numbers that fit in a signed 64-bit integer. */
    INTEGER,
    DOUBLE,
    STRING;

    /** True for INTEGER and DOUBLE, the types with numeric statistics and a sorted column file. */
    public boolean numeric() {
        return this == INTEGER || this == DOUBLE;
    }

    /** True for BOOLEAN and STRING, the types with categorical statistics. */
    public boolean categorical() {
        return this == BOOLEAN || this == STRING;
    }
}
