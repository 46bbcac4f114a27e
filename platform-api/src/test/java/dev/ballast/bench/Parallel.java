package dev.ballast.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the same job on several threads released at one instant and measures the wall time
 * until the last finishes: the shape of "N concurrent clients" for the throughput figures. Each
 * worker answers the latencies of its operations; the first failure of any worker fails the
 * whole measurement.
 */
public final class Parallel {
    private Parallel() {
    }

    /** A worker's job; answers one latency (nanoseconds) per operation it performed. */
    @FunctionalInterface
    public interface Job {
        long[] run(int worker) throws Exception;
    }

    /** Wall time of the whole run and the latencies of every operation of every worker. */
    public record Result(long wallNanos, long[] latencies) {
    }

    public static Result run(int workers, String name, Job job) {
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[][] results = new long[workers][];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    results[worker] = job.run(worker);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, name + "-" + w);
            t.start();
            threads.add(t);
        }
        try {
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            long wall = System.nanoTime() - start;
            if (failure.get() != null) {
                throw new IllegalStateException(name + " failed: " + failure.get().getMessage(), failure.get());
            }
            int n = 0;
            for (long[] r : results) {
                n += r.length;
            }
            long[] all = new long[n];
            int at = 0;
            for (long[] r : results) {
                System.arraycopy(r, 0, all, at, r.length);
                at += r.length;
            }
            return new Result(wall, all);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
