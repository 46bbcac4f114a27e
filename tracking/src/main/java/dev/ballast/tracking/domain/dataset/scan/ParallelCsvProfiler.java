package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The first pass over a CSV on two threads, with the same results as {@link CsvProfiler}: the reading thread tokenizes,
 * profiles a quarter of the columns itself and copies the fields of the others into {@link FieldBatch}es; a second
 * thread profiles those. Every record has one field per column (the reader refuses others), so the second thread
 * knows the column of each field it gets from its position. Each column is only ever touched by one thread
 * and sees its values in file order, so every count, statistic and spilled value is what the one-thread pass gives;
 * only the spill store and the memory budget are shared (and synchronized). Worth it because the pass, not the
 * network or the disk, is what an upload waits for.
 */
final class ParallelCsvProfiler implements CsvPass {
    /** Most columns profiled this way (the spill buffers of more streams could be rebalanced across threads). */
    static final int MAX_COLUMNS = 4096;
    private static final int BATCHES = 4;

    private final ColumnAccumulator[] columns;
    private final boolean[] second;
    private final FieldClassifier classifier = new FieldClassifier();
    private final FieldClassifier secondClassifier = new FieldClassifier();
    private final BlockingQueue<FieldBatch> free = new ArrayBlockingQueue<>(BATCHES);
    private final BlockingQueue<FieldBatch> work = new ArrayBlockingQueue<>(BATCHES);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread worker;
    private FieldBatch batch;
    private long rows;
    private boolean finished;

    ParallelCsvProfiler(List<String> names, ScanContext context) throws IOException {
        context.expectedStreams = names.size();
        this.columns = new ColumnAccumulator[names.size()];
        this.second = new boolean[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new ColumnAccumulator(names.get(i), i, context);
            // the reading thread also tokenizes, so it keeps one column in four
            second[i] = i % 4 != 0;
        }
        for (int i = 0; i < BATCHES; i++) {
            free.add(new FieldBatch());
        }
        this.batch = free.poll();
        this.worker = new Thread(this::work, "dataset-scan-columns");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void field(int index, byte[] b, int off, int len) throws IOException {
        if (second[index]) {
            // a record may span batches: the worker carries its place in the record over
            if (batch.full()) {
                hand(false);
            }
            batch.add(b, off, len);
        } else {
            columns[index].csvField(b, off, len, classifier);
        }
    }

    @Override
    public void endRecord() {
        rows++;
    }

    /** Passes the batch to the worker. */
    private void hand(boolean last) throws IOException {
        FieldBatch b = batch;
        b.last = last;
        put(work, b);
        batch = last ? null : take(free);
    }

    /** Call once the reader has ended: waits for the worker; the accumulators are then complete. */
    @Override
    public void finish() throws IOException {
        hand(true);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the column thread");
        }
        finished = true;
        checkFailure();
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public List<ColumnAccumulator> columns() {
        return new ArrayList<>(List.of(columns));
    }

    /** The sink of the second pass (one thread): as {@link CsvProfiler#recountSink()}. */
    @Override
    public CsvReader.FieldSink recountSink() {
        return new RecountSink(columns);
    }

    private void work() {
        try {
            // the worker's columns in record order: its k-th field of a record belongs to mine[k]
            ColumnAccumulator[] mine = mine();
            int n = mine.length;
            int col = 0;
            while (true) {
                FieldBatch b = work.take();
                if (failure.get() != null) {
                    return;
                }
                int[] start = b.start;
                int[] length = b.length;
                byte[] bytes = b.bytes;
                for (int i = 0, k = b.count; i < k; i++) {
                    mine[col].csvField(bytes, start[i], length[i], secondClassifier);
                    if (++col == n) {
                        col = 0;
                    }
                }
                boolean last = b.last;
                b.clear();
                free.put(b);
                if (last) {
                    return;
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            // unblock the reading thread if it waits for a free batch
            free.offer(new FieldBatch());
        }
    }

    private ColumnAccumulator[] mine() {
        List<ColumnAccumulator> out = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            if (second[i]) {
                out.add(columns[i]);
            }
        }
        return out.toArray(new ColumnAccumulator[0]);
    }

    private void checkFailure() throws IOException {
        Throwable t = failure.get();
        if (t == null) {
            return;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    private <T> T take(BlockingQueue<T> queue) throws IOException {
        checkFailure();
        try {
            T t = queue.take();
            checkFailure();
            return t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the column thread");
        }
    }

    private void put(BlockingQueue<FieldBatch> queue, FieldBatch b) throws IOException {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing fields to the column thread");
        }
    }

    /** Stops the worker if the pass ended early (bad content): it may still hold batches. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        failure.compareAndSet(null, new IOException("the pass was abandoned"));
        worker.interrupt();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
