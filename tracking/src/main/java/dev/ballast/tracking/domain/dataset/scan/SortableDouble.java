package dev.ballast.tracking.domain.dataset.scan;

/**
 * Maps doubles to longs whose signed order is the numeric order of the doubles (and back), so that columns are sorted
 * and merged as plain longs. {@code -0.0} sorts just before {@code 0.0}; NaN never occurs here.
 */
final class SortableDouble {
    private SortableDouble() {
    }

    static long toSortable(double value) {
        long bits = Double.doubleToRawLongBits(value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    static double fromSortable(long sortable) {
        return Double.longBitsToDouble(sortable ^ ((sortable >> 63) & Long.MAX_VALUE));
    }

    /** The raw IEEE-754 bits of the double a sortable long stands for. */
    static long toBits(long sortable) {
        return sortable ^ ((sortable >> 63) & Long.MAX_VALUE);
    }
}
