package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first pass over JSON Lines: columns in first-seen key order (a key first seen later starts a column whose earlier
 * rows are missing), duplicate keys refused, and the row hash computed over the present (key, value) pairs sorted by
 * key, so the order of keys inside an object does not change it. The value hash includes the JSON kind, so the
 * string "1" and the number 1 differ.
 */
final class JsonProfiler implements JsonLinesReader.RowSink {
    private static final long[] KIND_SEEDS = {
        0, 0x510E527FADE682D1L, 0x9B05688C2B3E6C1FL, 0x9B05688C2B3E6C1FL, 0x9B05688C2B3E6C1FL,
        0x1F83D9ABFB41BD6BL, 0x5BE0CD19137E2179L};

    private final ScanContext context;
    private final int maxColumns;
    private final Map<String, ColumnAccumulator> byName = new HashMap<>();
    private final List<ColumnAccumulator> columns = new ArrayList<>();
    private final SpillStore.Stream rowHashes;
    private int[] rank = new int[16];
    private boolean ranksStale;
    private ColumnAccumulator[] pairColumns = new ColumnAccumulator[16];
    private long[] pairHashes = new long[16];
    private long[] order = new long[16];
    private int pairs;
    private long rows;
    private long line;

    JsonProfiler(ScanContext context) throws IOException {
        this.context = context;
        this.maxColumns = context.settings.maxColumns();
        this.rowHashes = context.newStream();
    }

    @Override
    public void startRow(long line) {
        this.line = line;
        pairs = 0;
    }

    @Override
    public void value(String key, int kind, long longValue, double doubleValue, byte[] b, int off, int len)
            throws IOException {
        ColumnAccumulator c = byName.get(key);
        if (c == null) {
            if (columns.size() == maxColumns) {
                throw new InvalidDatasetException(line, "more than " + maxColumns + " columns (distinct keys)");
            }
            c = new ColumnAccumulator(key, columns.size(), context);
            byName.put(key, c);
            columns.add(c);
            ranksStale = true;
        }
        if (c.lastRow == rows) {
            throw new InvalidDatasetException(line, "duplicate key '" + key + "'");
        }
        c.lastRow = rows;
        if (kind == JsonLinesReader.NULL) {
            return;
        }
        long h = ValueHash.hash(b, off, len);
        switch (kind) {
            case JsonLinesReader.BOOLEAN -> c.bool(b, off, len, h);
            case JsonLinesReader.INTEGER -> c.number(longValue, true, b, off, len, h);
            case JsonLinesReader.DOUBLE -> c.number(doubleValue, false, b, off, len, h);
            case JsonLinesReader.INFINITE -> c.infinity(b, off, len, h);
            default -> c.string(b, off, len, h);
        }
        if (pairs == pairColumns.length) {
            pairColumns = Arrays.copyOf(pairColumns, pairs * 2);
            pairHashes = Arrays.copyOf(pairHashes, pairs * 2);
            order = new long[pairs * 2];
        }
        pairColumns[pairs] = c;
        pairHashes[pairs] = XxHash64.round(KIND_SEEDS[kind], h);
        pairs++;
    }

    @Override
    public void endRow() throws IOException {
        if (ranksStale) {
            updateRanks();
        }
        for (int i = 0; i < pairs; i++) {
            order[i] = ((long) rank[pairColumns[i].index] << 32) | i;
        }
        Arrays.sort(order, 0, pairs);
        long acc = XxHash64.ROW_SEED;
        for (int k = 0; k < pairs; k++) {
            int i = (int) order[k];
            acc = XxHash64.round(acc, pairColumns[i].nameHash);
            acc = XxHash64.round(acc, pairHashes[i]);
        }
        rowHashes.add(XxHash64.finish(acc, pairs));
        rows++;
    }

    private void updateRanks() {
        if (rank.length < columns.size()) {
            rank = new int[Math.max(columns.size(), rank.length * 2)];
        }
        List<ColumnAccumulator> sorted = new ArrayList<>(columns);
        sorted.sort((x, y) -> x.name.compareTo(y.name));
        for (int r = 0; r < sorted.size(); r++) {
            rank[sorted.get(r).index] = r;
        }
        ranksStale = false;
    }

    long rows() {
        return rows;
    }

    SpillStore.Stream rowHashes() {
        return rowHashes;
    }

    List<ColumnAccumulator> columns() {
        return columns;
    }

    /** The sink of the second pass: recounts, as text, the values of the columns marked for recount. */
    JsonLinesReader.RowSink recountSink() {
        return new JsonLinesReader.RowSink() {
            @Override
            public void startRow(long line) {
            }

            @Override
            public void value(String key, int kind, long longValue, double doubleValue, byte[] b, int off, int len) {
                ColumnAccumulator c = byName.get(key);
                if (c != null && c.recount && kind != JsonLinesReader.NULL) {
                    c.recountValue(b, off, len, ValueHash.hash(b, off, len));
                }
            }

            @Override
            public void endRow() {
            }
        };
    }
}
