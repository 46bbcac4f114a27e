package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;

/**
 * Sorts a spill stream into its derived file: a numeric column's finite values ({@code col-<i>.f64}) or the row
 * hashes ({@code rows.h64}), through the {@link ExternalSorter} (in memory within one chunk, merged runs beyond).
 */
final class SortedFiles {
    private static final int BATCH = 8192;

    private SortedFiles() {
    }

    static void writeRowHashes(DerivedLayout layout, ScanSettings settings, SpillStore.Stream rowHashes) throws IOException {
        ExternalSorter sorter = new ExternalSorter(layout.dir(), "rows", settings.sortChunkValues());
        try (DerivedFile.Writer w = new DerivedFile.Writer(layout.rowHashes(), DerivedFile.HASHES, rowHashes.count())) {
            sorter.sort(rowHashes, w::write);
        }
    }

    /** Writes the column's sorted file; {@code also} sees the same sorted values (as sortable longs) on the way. */
    static void writeColumn(DerivedLayout layout, ScanSettings settings, ColumnAccumulator c, LongSink also)
            throws IOException {
        long n = c.values.count();
        ExternalSorter sorter = new ExternalSorter(layout.dir(), "col" + c.index, settings.sortChunkValues());
        try (DerivedFile.Writer w = new DerivedFile.Writer(layout.column(c.index), DerivedFile.DOUBLES, n)) {
            long[] bits = new long[BATCH];
            sorter.sort(c.values, (values, off, len) -> {
                also.accept(values, off, len);
                for (int done = 0; done < len; done += BATCH) {
                    int k = Math.min(BATCH, len - done);
                    for (int i = 0; i < k; i++) {
                        bits[i] = SortableDouble.toBits(values[off + done + i]);
                    }
                    w.write(bits, 0, k);
                }
            });
        }
    }
}
