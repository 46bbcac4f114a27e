package dev.ballast.tracking.app.dataset;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Writes the derived data of new versions (sorted columns, sorted row hashes) on a background
 * thread, after the upload has been answered: the profile does not need it, only diffs and
 * reference samples do, and {@link #await} lets those wait for a version whose files are still
 * being sorted. One thread, so background sorts queue rather than compete with uploads for the
 * processors. If the process stops first, the files are rebuilt from git when first needed.
 */
@Singleton
public class DerivedDataQueue {
    private static final Logger LOG = LoggerFactory.getLogger(DerivedDataQueue.class);
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dataset-derived");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        // tasks that will not run now: their versions' files are rebuilt from git when needed
        pending.values().forEach(f -> f.complete(null));
    }

    /** Runs {@code work}, which writes the derived data of blob {@code digest}, in the background. */
    public void submit(String digest, Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.put(digest, done);
        Runnable job = () -> {
            long started = System.nanoTime();
            try {
                work.run();
                LOG.debug("Derived data of {} written in {} ms", digest, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("Could not write the derived data of {} (it will be rebuilt when needed): {}", digest, e.toString());
            } finally {
                pending.remove(digest, done);
                done.complete(null);
            }
        };
        try {
            worker.execute(job);
        } catch (RejectedExecutionException stopping) {
            pending.remove(digest, done);
            done.complete(null);
        }
    }

    /**
     * Waits until no derived data of blob {@code digest} is being written. The one thread runs the
     * tasks in order, so the latest task of a digest ends after any earlier one.
     */
    public void await(String digest) {
        CompletableFuture<Void> task = pending.get(digest);
        if (task != null) {
            task.join();
        }
    }
}
