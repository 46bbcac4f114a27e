package dev.ballast.registry.domain.serving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of captured predictions as one primitive column per feature: what a drift check reads. A check over
 * 100,000 rows of 50 features would otherwise build 100,000 maps holding 5,000,000 boxed values only to copy them into
 * arrays again; reading the stored JSON straight into columns costs a fraction of that.
 *
 * <p>Rows keep the order they were read in (newest first for {@link CaptureStore#inputs}). A value a row did not
 * carry, or that was not finite (stored as null), is NaN, so drift statistics drop and count it like any other
 * missing value. Features are in the order they were first seen.
 */
public final class CapturedInputs {
    private final List<String> features;
    private final Map<String, double[]> columns;
    private final int rows;

    private CapturedInputs(List<String> features, Map<String, double[]> columns, int rows) {
        this.features = List.copyOf(features);
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * The rows of the parts one after the other (as read in parallel, a part per batch of rows): a feature's column
     * holds each part's values, NaN for the rows of a part that never named it. Features in the order first seen.
     */
    public static CapturedInputs concat(List<CapturedInputs> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int rows = 0;
        List<String> features = new ArrayList<>();
        Map<String, double[]> columns = new HashMap<>();
        for (CapturedInputs part : parts) {
            rows = Math.addExact(rows, part.rows);
            for (String f : part.features) {
                if (!columns.containsKey(f)) {
                    columns.put(f, null);
                    features.add(f);
                }
            }
        }
        for (String f : features) {
            double[] column = new double[rows];
            int at = 0;
            for (CapturedInputs part : parts) {
                double[] values = part.columns.get(f);
                if (values == null) {
                    Arrays.fill(column, at, at + part.rows, Double.NaN);
                } else {
                    System.arraycopy(values, 0, column, at, part.rows);
                }
                at += part.rows;
            }
            columns.put(f, column);
        }
        return new CapturedInputs(features, columns, rows);
    }

    /** No rows, no features. */
    public static CapturedInputs empty() {
        return new CapturedInputs(List.of(), Map.of(), 0);
    }

    public List<String> features() {
        return features;
    }

    public int rows() {
        return rows;
    }

    /**
     * The feature's values: the first {@link #rows()} entries of the array (it may be longer), NaN where a row had
     * none. Null for a feature no row carried. The array is this object's own, not a copy: do not change it.
     */
    public double[] values(String feature) {
        return columns.get(feature);
    }

    /**
     * Collects rows one value at a time, as a streaming JSON read produces them. Columns grow by doubling and are
     * filled with NaN ahead, so a feature missing from a row needs no work at all.
     */
    public static final class Builder {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private double[][] columns = new double[16][];
        private int capacity;
        private int rows;
        private int fieldInRow;

        /** @param expectedRows a first capacity; columns grow beyond it as needed */
        public Builder(int expectedRows) {
            this.capacity = Math.max(16, expectedRows);
        }

        /** Starts the next row; its values follow with {@link #value}. */
        public void startRow() {
            if (rows == capacity) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, capacity * 2L);
                if (grown == capacity) {
                    throw new IllegalStateException("too many rows for one column: " + rows);
                }
                for (int c = 0; c < names.size(); c++) {
                    double[] bigger = Arrays.copyOf(columns[c], grown);
                    Arrays.fill(bigger, capacity, grown, Double.NaN);
                    columns[c] = bigger;
                }
                capacity = grown;
            }
            rows++;
            fieldInRow = 0;
        }

        /** One value of the current row; non-finite values are kept as NaN. */
        public void value(String feature, double v) {
            int c = column(feature);
            columns[c][rows - 1] = Double.isFinite(v) ? v : Double.NaN;
        }

        /** A feature the current row names without a number (stored as null). */
        public void missing(String feature) {
            column(feature);
        }

        /**
         * The column of a feature. Rows of one model name their features in the same order, so the feature at
         * position k of a row is first compared with column k by identity (the JSON parser interns names).
         */
        private int column(String feature) {
            int k = fieldInRow++;
            if (k < names.size() && names.get(k) == feature) {
                return k;
            }
            Integer c = index.get(feature);
            if (c != null) {
                return c;
            }
            int added = names.size();
            if (added == columns.length) {
                columns = Arrays.copyOf(columns, added * 2);
            }
            double[] column = new double[capacity];
            Arrays.fill(column, Double.NaN);
            columns[added] = column;
            names.add(feature);
            index.put(feature, added);
            return added;
        }

        public int rows() {
            return rows;
        }

        public CapturedInputs build() {
            Map<String, double[]> byName = new HashMap<>(names.size() * 2);
            for (int c = 0; c < names.size(); c++) {
                byName.put(names.get(c), columns[c]);
            }
            return new CapturedInputs(names, byName, rows);
        }
    }
}
