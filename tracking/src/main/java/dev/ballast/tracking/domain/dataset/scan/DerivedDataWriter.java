package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * After the pass: sorts each spilled stream into its derived file ({@code rows.h64}, one {@code col-<i>.f64} per
 * numeric column) and, while a column's sorted values stream to its file, computes its order statistics. The profile
 * is then assembled from the accumulators and these statistics.
 */
final class DerivedDataWriter {
    private static final int BATCH = 8192;
    private final DerivedLayout layout;
    private final ScanSettings settings;

    DerivedDataWriter(DerivedLayout layout, ScanSettings settings) {
        this.layout = layout;
        this.settings = settings;
    }

    DatasetProfile write(long rows, SpillStore.Stream rowHashes, List<ColumnAccumulator> columns) throws IOException {
        ExternalSorter sorter = new ExternalSorter(layout.dir(), settings.sortChunkValues());
        try {
            try (DerivedFile.Writer w = new DerivedFile.Writer(layout.rowHashes(), DerivedFile.HASHES, rowHashes.count())) {
                sorter.sort(rowHashes, w::write);
            }
            List<ColumnProfile> profiles = new ArrayList<>(columns.size());
            for (ColumnAccumulator c : columns) {
                NumericStats numeric = null;
                if (c.type.numeric()) {
                    numeric = writeColumn(c, sorter);
                }
                profiles.add(c.profile(rows, numeric, settings.topValues()));
            }
            return new DatasetProfile(rows, profiles);
        } finally {
            sorter.release();
        }
    }

    private NumericStats writeColumn(ColumnAccumulator c, ExternalSorter sorter) throws IOException {
        long n = c.values.count();
        try (DerivedFile.Writer w = new DerivedFile.Writer(layout.column(c.index), DerivedFile.DOUBLES, n)) {
            ColumnSink sink = new ColumnSink(w, n, c.infinite, settings.histogramBins());
            sorter.sort(c.values, sink);
            return n == 0 ? null : sink.summary.finish();
        }
    }

    /**
     * Writes a column's sorted values to its file and feeds them to its {@link NumericSummary}. The sorted chunks,
     * seen before any output, give the min, max and a compensated (Neumaier) sum for the mean.
     */
    private static final class ColumnSink implements LongSink {
        private final DerivedFile.Writer writer;
        private final long n;
        private final long infinite;
        private final int bins;
        private final long[] bits = new long[BATCH];
        private final double[] doubles = new double[BATCH];
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double sum;
        private double compensation;
        NumericSummary summary;

        ColumnSink(DerivedFile.Writer writer, long n, long infinite, int bins) {
            this.writer = writer;
            this.n = n;
            this.infinite = infinite;
            this.bins = bins;
        }

        @Override
        public void chunk(long[] sorted, int len) {
            if (len == 0) {
                return;
            }
            min = Math.min(min, SortableDouble.fromSortable(sorted[0]));
            max = Math.max(max, SortableDouble.fromSortable(sorted[len - 1]));
            double s = sum;
            double c = compensation;
            for (int i = 0; i < len; i++) {
                double x = SortableDouble.fromSortable(sorted[i]);
                double t = s + x;
                c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
                s = t;
            }
            sum = s;
            compensation = c;
        }

        @Override
        public void accept(long[] values, int off, int len) throws IOException {
            if (summary == null) {
                summary = new NumericSummary(n, (sum + compensation) / n, min, max, infinite, bins);
            }
            for (int done = 0; done < len; done += BATCH) {
                int k = Math.min(BATCH, len - done);
                for (int i = 0; i < k; i++) {
                    long raw = SortableDouble.toBits(values[off + done + i]);
                    bits[i] = raw;
                    doubles[i] = Double.longBitsToDouble(raw);
                }
                writer.write(bits, 0, k);
                summary.accept(doubles, 0, k);
            }
        }
    }
}
