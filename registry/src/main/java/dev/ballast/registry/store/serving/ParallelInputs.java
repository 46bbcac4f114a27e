package dev.ballast.registry.store.serving;

import dev.ballast.registry.domain.serving.CapturedInputs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Parses the {@code inputs} of a streamed query in batches on other threads while the reading thread goes on fetching
 * rows: without it the database sends a batch, then waits while the JVM parses it, then sends the next. Each batch is
 * parsed into columns of its own ({@link CaptureRowParser}), and the parts are joined in order at the end, so rows keep
 * the order they were read in. At most a few batches wait at a time (the reader then waits for the oldest), so a window
 * of a million rows is never held as text. A read smaller than one batch is parsed on the calling thread.
 */
final class ParallelInputs {
    static final int BATCH_ROWS = 4096;

    private final Executor executor;
    private final int maxPending;
    private final List<CompletableFuture<CapturedInputs>> parts = new ArrayList<>();
    private int joined;
    private String[] batch = new String[BATCH_ROWS];
    private int size;

    /** @param parallelism how many threads of the executor may parse at once */
    ParallelInputs(Executor executor, int parallelism) {
        this.executor = executor;
        this.maxPending = Math.max(1, parallelism) + 2;
    }

    /** One row's {@code inputs} JSON, in the order of the rows. */
    void add(String json) {
        batch[size++] = json;
        if (size == BATCH_ROWS) {
            String[] full = batch;
            batch = new String[BATCH_ROWS];
            size = 0;
            if (parts.size() - joined >= maxPending) {
                join(parts.get(joined++));
            }
            parts.add(CompletableFuture.supplyAsync(() -> parse(full, full.length), executor));
        }
    }

    /** Every row added, as columns. */
    CapturedInputs finish() {
        List<CapturedInputs> out = new ArrayList<>(parts.size() + 1);
        CapturedInputs last = size == 0 && !parts.isEmpty() ? null : parse(Arrays.copyOf(batch, size), size);
        for (CompletableFuture<CapturedInputs> part : parts) {
            out.add(join(part));
        }
        if (last != null) {
            out.add(last);
        }
        return CapturedInputs.concat(out);
    }

    private static CapturedInputs parse(String[] rows, int n) {
        CapturedInputs.Builder columns = new CapturedInputs.Builder(n);
        CaptureRowParser parser = new CaptureRowParser();
        for (int i = 0; i < n; i++) {
            parser.readInto(rows[i], columns);
        }
        return columns.build();
    }

    private static CapturedInputs join(CompletableFuture<CapturedInputs> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
