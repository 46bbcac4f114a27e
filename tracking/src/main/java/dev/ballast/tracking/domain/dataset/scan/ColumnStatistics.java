package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;

/**
 * The statistics of one numeric column from its spill stream, without sorting it when it fits in one sort chunk: the
 * values are read into an array once, summarised in arrival order and their quantiles selected
 * ({@link QuantileSelector}). A column longer than a chunk is summarised by two sequential reads and its quantiles
 * read from the external sort, which then also writes its sorted file ({@link #sortedFileWritten()}). Either way the
 * figures are the same, since they never depend on the order of summation being sorted.
 */
final class ColumnStatistics {
    private final DerivedLayout layout;
    private final ScanSettings settings;
    private final long chunk;
    private long[] buffer = new long[0];
    private boolean fileWritten;

    /** One per thread: it keeps its array from one column to the next. */
    ColumnStatistics(DerivedLayout layout, ScanSettings settings) {
        this.layout = layout;
        this.settings = settings;
        this.chunk = Math.min(settings.sortChunkValues(), ScanSettings.MAX_CHUNK);
    }

    /** Whether the last {@link #of} call wrote the column's sorted file on the way. */
    boolean sortedFileWritten() {
        return fileWritten;
    }

    /** The statistics of {@code c}, null when it holds no finite value. */
    NumericStats of(ColumnAccumulator c) throws IOException {
        fileWritten = false;
        long n = c.values.count();
        if (n == 0) {
            return null;
        }
        NumericSummary summary = new NumericSummary(n, c.infinite, settings.histogramBins());
        if (n <= chunk) {
            int k = (int) n;
            if (buffer.length < k) {
                buffer = null;
                buffer = new long[k];
            }
            read(c.values.reader(), buffer, k);
            summary.first(buffer, 0, k);
            summary.second(buffer, 0, k);
            return summary.finish(QuantileSelector.select(buffer, k, summary.ranks()));
        }
        buffer = new long[0];
        long[] batch = new long[8192];
        SpillStore.Reader reader = c.values.reader();
        for (int r; (r = reader.read(batch, 0, batch.length)) > 0; ) {
            summary.first(batch, 0, r);
        }
        reader = c.values.reader();
        for (int r; (r = reader.read(batch, 0, batch.length)) > 0; ) {
            summary.second(batch, 0, r);
        }
        RankCapture ranks = new RankCapture(summary.ranks());
        SortedFiles.writeColumn(layout, settings, c, ranks);
        fileWritten = true;
        return summary.finish(ranks.values);
    }

    private static void read(SpillStore.Reader reader, long[] into, int k) throws IOException {
        int got = 0;
        while (got < k) {
            int r = reader.read(into, got, k - got);
            if (r <= 0) {
                throw new IOException("spill stream shorter than its count");
            }
            got += r;
        }
    }

    /** Keeps the sorted values at the wanted ranks as they stream past. */
    static final class RankCapture implements LongSink {
        private final long[] ranks;
        final long[] values;
        private long position;
        private int next;

        RankCapture(long[] ranks) {
            this.ranks = ranks;
            this.values = new long[ranks.length];
        }

        @Override
        public void accept(long[] sorted, int off, int len) {
            while (next < ranks.length && ranks[next] < position + len) {
                values[next] = sorted[off + (int) (ranks[next] - position)];
                next++;
            }
            position += len;
        }
    }
}
