package dev.ballast.drift.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * One side's values of one feature, ready to test. Values that cannot be tested (NaN, infinities, nulls) are dropped
 * and counted, not refused: served traffic has missing values, and a check should still answer on the rest and say
 * how much it left out.
 */
public sealed interface FeatureSample permits FeatureSample.Numeric, FeatureSample.Categorical {

    /** How many values take part in the test. */
    long size();

    /** How many values were dropped (missing or not finite). */
    long dropped();

    /** Finite values in ascending order: what KS and PSI need. */
    record Numeric(double[] sorted, long dropped) implements FeatureSample {
        /** Drops non-finite values (counted on top of {@code missing}) and sorts a copy ({@link FiniteSort}). */
        public static Numeric of(double[] values, int length, long missing) {
            double[] sorted = FiniteSort.sortedFinite(values, length);
            return new Numeric(sorted, missing + (length - sorted.length));
        }

        /** Values already sorted and finite (a dataset's {@code col-N.f64}). */
        public static Numeric ofSorted(double[] sorted, long dropped) {
            return new Numeric(sorted, dropped);
        }

        @Override
        public long size() {
            return sorted.length;
        }
    }

    /** Counts per category. */
    record Categorical(Map<String, Long> counts, long dropped) implements FeatureSample {
        public Categorical {
            counts = Map.copyOf(new TreeMap<>(counts));
        }

        @Override
        public long size() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
