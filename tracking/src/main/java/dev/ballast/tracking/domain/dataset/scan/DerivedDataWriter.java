package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * After the pass, in two steps that may run apart: {@link #profile} computes each numeric column's statistics
 * ({@link ColumnStatistics}, without sorting columns that fit in a sort chunk) and assembles the profile;
 * {@link #writeFiles} sorts the spilled streams into the derived files ({@code rows.h64}, one {@code col-<i>.f64} per
 * numeric column), except the columns the first step already sorted; a CSV's row hashes come from a re-read of the
 * content instead ({@link CsvRowHashes}).
 *
 * <p>Columns are independent, so both steps use up to two threads when the heap comfortably holds two sets of sort
 * arrays (each sort needs two arrays of {@code min(count, sortChunkValues)} longs); otherwise one.
 */
final class DerivedDataWriter {
    private static final int MAX_THREADS = 2;
    private final DerivedLayout layout;
    private final ScanSettings settings;
    private final List<ColumnAccumulator> sorted = new ArrayList<>();

    DerivedDataWriter(DerivedLayout layout, ScanSettings settings) {
        this.layout = layout;
        this.settings = settings;
    }

    DatasetProfile profile(long rows, List<ColumnAccumulator> columns) throws IOException {
        List<ColumnAccumulator> numeric = new ArrayList<>();
        long largest = 0;
        for (ColumnAccumulator c : columns) {
            if (c.type.numeric()) {
                numeric.add(c);
                largest = Math.max(largest, c.values.count());
            }
        }
        NumericStats[] stats = new NumericStats[numeric.size()];
        boolean[] fileWritten = new boolean[numeric.size()];
        run(numeric.size(), threads(numeric.size(), largest), () -> {
            ColumnStatistics statistics = new ColumnStatistics(layout, settings);
            return i -> {
                stats[i] = statistics.of(numeric.get(i));
                fileWritten[i] = statistics.sortedFileWritten();
            };
        });
        List<ColumnProfile> profiles = new ArrayList<>(columns.size());
        for (ColumnAccumulator c : columns) {
            int i = numeric.indexOf(c);
            if (i >= 0 && fileWritten[i]) {
                sorted.add(c);
            }
            profiles.add(c.profile(rows, i < 0 ? null : stats[i], settings.topValues()));
        }
        return new DatasetProfile(rows, profiles);
    }

    /** Writes the row hashes of a dataset into its derived directory. */
    interface RowHashWriter {
        void write(DerivedLayout layout) throws IOException;
    }

    /**
     * Writes the derived files that {@link #profile} did not write on the way; {@code rowHashes} writes the row hashes
     * of the {@code rows} rows (from the pass's spilled stream, or from a re-read of a CSV).
     */
    void writeFiles(RowHashWriter rowHashes, long rows, List<ColumnAccumulator> columns) throws IOException {
        List<ColumnAccumulator> left = new ArrayList<>();
        long largest = rows;
        for (ColumnAccumulator c : columns) {
            if (c.type.numeric() && !sorted.contains(c)) {
                left.add(c);
                largest = Math.max(largest, c.values.count());
            }
        }
        run(left.size() + 1, threads(left.size() + 1, largest), () -> i -> {
            if (i == 0) {
                rowHashes.write(layout);
            } else {
                SortedFiles.writeColumn(layout, settings, left.get(i - 1), (v, off, len) -> { });
            }
        });
    }

    private int threads(int tasks, long largest) {
        long perSort = 2L * Long.BYTES * Math.min(largest, settings.sortChunkValues());
        int threads = Math.min(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()), tasks);
        while (threads > 1 && threads * perSort > Runtime.getRuntime().maxMemory() / 4) {
            threads--;
        }
        return threads;
    }

    /** A task over items by index; each thread makes its own (to keep its arrays from one item to the next). */
    interface Task {
        void run(int item) throws IOException;
    }

    interface TaskFactory {
        Task newTask();
    }

    /** Runs items {@code [0, items)} on {@code threads} threads, each thread taking the next item left. */
    private static void run(int items, int threads, TaskFactory factory) throws IOException {
        if (threads <= 1) {
            Task task = factory.newTask();
            for (int i = 0; i < items; i++) {
                task.run(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dataset-scan-sort");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    Task task = factory.newTask();
                    for (int i; (i = next.getAndIncrement()) < items; ) {
                        try {
                            task.run(i);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
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
            next.set(items);
            pool.shutdownNow();
        }
    }
}
