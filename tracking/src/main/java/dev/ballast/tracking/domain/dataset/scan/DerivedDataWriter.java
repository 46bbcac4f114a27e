package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * After the pass: sorts each spilled stream into its derived file ({@code rows.h64}, one {@code col-<i>.f64} per
 * numeric column) and, while a column's sorted values stream to its file, computes its order statistics. The profile
 * is then assembled from the accumulators and these statistics.
 *
 * <p>The streams are independent, so they are sorted on up to two threads when the heap comfortably holds two sets of
 * sort arrays (each sort needs two arrays of {@code min(count, sortChunkValues)} longs); otherwise one at a time.
 */
final class DerivedDataWriter {
    private static final int BATCH = 8192;
    private static final int MAX_THREADS = 2;
    private final DerivedLayout layout;
    private final ScanSettings settings;

    DerivedDataWriter(DerivedLayout layout, ScanSettings settings) {
        this.layout = layout;
        this.settings = settings;
    }

    DatasetProfile write(long rows, SpillStore.Stream rowHashes, List<ColumnAccumulator> columns) throws IOException {
        List<Callable<NumericStats>> tasks = new ArrayList<>();
        List<ColumnAccumulator> numeric = new ArrayList<>();
        long largest = rowHashes.count();
        tasks.add(() -> {
            writeRowHashes(rowHashes);
            return null;
        });
        for (ColumnAccumulator c : columns) {
            if (c.type.numeric()) {
                numeric.add(c);
                largest = Math.max(largest, c.values.count());
                tasks.add(() -> writeColumn(c));
            }
        }
        List<NumericStats> results = run(tasks, threads(tasks.size(), largest));
        List<ColumnProfile> profiles = new ArrayList<>(columns.size());
        for (ColumnAccumulator c : columns) {
            NumericStats stats = c.type.numeric() ? results.get(1 + numeric.indexOf(c)) : null;
            profiles.add(c.profile(rows, stats, settings.topValues()));
        }
        return new DatasetProfile(rows, profiles);
    }

    private int threads(int tasks, long largest) {
        long perSort = 2L * Long.BYTES * Math.min(largest, settings.sortChunkValues());
        int threads = Math.min(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()), tasks);
        while (threads > 1 && threads * perSort > Runtime.getRuntime().maxMemory() / 4) {
            threads--;
        }
        return threads;
    }

    private static List<NumericStats> run(List<Callable<NumericStats>> tasks, int threads) throws IOException {
        List<NumericStats> out = new ArrayList<>(tasks.size());
        if (threads <= 1) {
            for (Callable<NumericStats> t : tasks) {
                out.add(call(t));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dataset-scan-sort");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<NumericStats>> futures = new ArrayList<>();
            for (Callable<NumericStats> t : tasks) {
                futures.add(pool.submit(() -> call(t)));
            }
            for (Future<NumericStats> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sorting the derived files");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static NumericStats call(Callable<NumericStats> task) {
        try {
            return task.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeRowHashes(SpillStore.Stream rowHashes) throws IOException {
        ExternalSorter sorter = new ExternalSorter(layout.dir(), "rows", settings.sortChunkValues());
        try (DerivedFile.Writer w = new DerivedFile.Writer(layout.rowHashes(), DerivedFile.HASHES, rowHashes.count())) {
            sorter.sort(rowHashes, w::write);
        }
    }

    private NumericStats writeColumn(ColumnAccumulator c) throws IOException {
        long n = c.values.count();
        ExternalSorter sorter = new ExternalSorter(layout.dir(), "col" + c.index, settings.sortChunkValues());
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
