package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The state of one column during the pass: its place in the type lattice, its counts, the spill stream of its finite
 * values while it is numeric (sum, min and max are computed later, from the sorted chunks) or the value counter of a
 * categorical column. A numeric
 * column that meets a boolean or a string becomes STRING: its spill stream is dropped and it is marked for the second
 * pass, which recounts its values as text.
 */
final class ColumnAccumulator {
    final String name;
    final int index;
    /** Hash of the name's UTF-8 bytes, for JSON Lines row hashes. */
    final long nameHash;
    private final ScanContext context;

    ColumnType type = ColumnType.EMPTY;
    /** Present (non-missing) values, infinite ones included. */
    long present;
    long infinite;
    long finite;
    SpillStore.Stream values;
    ValueCounter counter;
    /** The column became STRING after numeric values: its categorical counts need the second pass. */
    boolean recount;
    /** Last row (JSON Lines) that held this key, to refuse duplicate keys. */
    long lastRow = -1;

    ColumnAccumulator(String name, int index, ScanContext context) {
        this.name = name;
        this.index = index;
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        this.nameHash = XxHash64.hash(utf8, 0, utf8.length, 1);
        this.context = context;
    }

    /**
     * Accepts a CSV field. Its value hash is computed only when a value counter needs it (row hashes are computed
     * apart, see {@link CsvRowHashes}), so numeric values are never hashed.
     */
    void csvField(byte[] b, int off, int len, FieldClassifier classifier) throws IOException {
        if (type == ColumnType.STRING) {
            if (FieldClassifier.isMissing(b, off, len)) {
                return;
            }
            present++;
            if (!recount) {
                counter.add(b, off, len, ValueHash.hash(b, off, len));
            }
            return;
        }
        int kind = classifier.classify(b, off, len);
        if (kind == FieldClassifier.MISSING) {
            return;
        }
        if (type == ColumnType.DOUBLE && (kind == FieldClassifier.DOUBLE || kind == FieldClassifier.INTEGER)
                || type == ColumnType.INTEGER && kind == FieldClassifier.INTEGER) {
            present++;
            finite++;
            values.add(SortableDouble.toSortable(kind == FieldClassifier.INTEGER ? classifier.longValue() : classifier.doubleValue()));
            return;
        }
        // type changes, booleans, strings: rare in numeric columns, so the hash is computed whether or not it is used
        long h = ValueHash.hash(b, off, len);
        switch (kind) {
            case FieldClassifier.INTEGER -> number(classifier.longValue(), true, b, off, len, h);
            case FieldClassifier.DOUBLE -> number(classifier.doubleValue(), false, b, off, len, h);
            case FieldClassifier.INFINITE -> infinity(b, off, len, h);
            case FieldClassifier.TRUE, FieldClassifier.FALSE -> bool(b, off, len, h);
            default -> string(b, off, len, h);
        }
    }

    /** A finite number; {@code integral} when it is an integer that fits a long. The text is kept for STRING columns. */
    void number(double x, boolean integral, byte[] b, int off, int len, long hash) throws IOException {
        present++;
        switch (type) {
            case EMPTY -> {
                type = integral ? ColumnType.INTEGER : ColumnType.DOUBLE;
                values = context.newStream();
            }
            case INTEGER -> {
                if (!integral) {
                    type = ColumnType.DOUBLE;
                }
            }
            case DOUBLE -> {
            }
            case BOOLEAN -> {
                type = ColumnType.STRING;
                counter.add(b, off, len, hash);
                return;
            }
            case STRING -> {
                if (!recount) {
                    counter.add(b, off, len, hash);
                }
                return;
            }
        }
        finite++;
        values.add(SortableDouble.toSortable(x));
    }

    /** An infinite number (inf, -Infinity, 1e999): numeric but left out of the statistics except the infinite count. */
    void infinity(byte[] b, int off, int len, long hash) throws IOException {
        present++;
        switch (type) {
            case EMPTY -> {
                type = ColumnType.DOUBLE;
                values = context.newStream();
                infinite++;
            }
            case INTEGER -> {
                type = ColumnType.DOUBLE;
                infinite++;
            }
            case DOUBLE -> infinite++;
            case BOOLEAN -> {
                type = ColumnType.STRING;
                counter.add(b, off, len, hash);
            }
            case STRING -> {
                if (!recount) {
                    counter.add(b, off, len, hash);
                }
            }
        }
    }

    void bool(byte[] b, int off, int len, long hash) {
        present++;
        switch (type) {
            case EMPTY -> {
                type = ColumnType.BOOLEAN;
                counter = context.newCounter();
                counter.add(b, off, len, hash);
            }
            case BOOLEAN -> counter.add(b, off, len, hash);
            case INTEGER, DOUBLE -> demote();
            case STRING -> {
                if (!recount) {
                    counter.add(b, off, len, hash);
                }
            }
        }
    }

    void string(byte[] b, int off, int len, long hash) {
        present++;
        switch (type) {
            case EMPTY -> {
                type = ColumnType.STRING;
                counter = context.newCounter();
                counter.add(b, off, len, hash);
            }
            case BOOLEAN -> {
                type = ColumnType.STRING;
                counter.add(b, off, len, hash);
            }
            case INTEGER, DOUBLE -> demote();
            case STRING -> {
                if (!recount) {
                    counter.add(b, off, len, hash);
                }
            }
        }
    }

    private void demote() {
        type = ColumnType.STRING;
        recount = true;
        values.discard();
        values = null;
        counter = null;
    }

    /** Second pass: counts one present value of a column marked for recount. */
    void recountValue(byte[] b, int off, int len, long hash) {
        if (counter == null) {
            counter = context.newCounter();
        }
        counter.add(b, off, len, hash);
    }

    /** The profile, given the numeric statistics computed from the sorted values (null unless numeric and non-empty). */
    ColumnProfile profile(long rows, NumericStats numeric, int topValues) {
        long missing = rows - present;
        return switch (type) {
            case EMPTY -> new ColumnProfile(name, index, type, 0, missing, null, null);
            case INTEGER, DOUBLE -> new ColumnProfile(name, index, type, finite, missing, numeric, null);
            case BOOLEAN -> new ColumnProfile(name, index, type, present, missing, null, booleanStats(topValues));
            case STRING -> new ColumnProfile(name, index, type, present, missing, null, stringStats(topValues));
        };
    }

    private CategoricalStats stringStats(int topValues) {
        if (counter == null) {
            return new CategoricalStats(0, false, List.of());
        }
        return new CategoricalStats(counter.distinct(), counter.approximate(), counter.top(topValues));
    }

    /** Booleans are reported as "true"/"false" whatever their spelling (True, TRUE...). */
    private CategoricalStats booleanStats(int topValues) {
        long trues = 0;
        long falses = 0;
        for (int e = 0; e < counter.size(); e++) {
            String v = counter.value(e);
            if (v.equalsIgnoreCase("true")) {
                trues += counter.count(e);
            } else {
                falses += counter.count(e);
            }
        }
        List<ValueCount> all = new ArrayList<>();
        if (trues > 0) {
            all.add(new ValueCount("true", trues));
        }
        if (falses > 0) {
            all.add(new ValueCount("false", falses));
        }
        all.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return new CategoricalStats(all.size(), false, all.subList(0, Math.min(topValues, all.size())));
    }
}
