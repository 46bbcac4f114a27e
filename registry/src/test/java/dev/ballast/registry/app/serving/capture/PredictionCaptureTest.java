package dev.ballast.registry.app.serving.capture;

import dev.ballast.registry.domain.serving.CapturedPrediction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sampling, the queue's bound under a writer that cannot keep up, batching, failures and stopping. */
class PredictionCaptureTest {
    private final FakeCaptureStore store = new FakeCaptureStore();
    private PredictionCapture capture;

    @AfterEach
    void stop() {
        store.gate.countDown();
        store.gate = new CountDownLatch(0);
        if (capture != null) {
            capture.stop();
        }
    }

    private static CaptureSettings settings(double rate, int queue, int batch, Duration flush) {
        return new CaptureSettings(true, rate, queue, batch, flush);
    }

    private static CapturedPrediction row(int i) {
        return new CapturedPrediction("churn", 1, "champion", 1_700_000_000_000L + i, Map.of("x", (double) i),
                Map.of("value", i * 2.0), false);
    }

    @Test
    void keepsTheConfiguredShareOfRows() {
        SplittableRandom random = new SplittableRandom(42);
        capture = new PredictionCapture(store, settings(0.25, 1_000_000, 500, Duration.ofSeconds(1)),
                Sampler.of(0.25, random::nextDouble));
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            capture.offer(row(i));
        }
        CaptureStats s = capture.stats();
        assertEquals(n, s.offered());
        // Binomial(100000, 0.25): sd = sqrt(n p (1 - p)) ~ 137; 5 sd either side.
        assertTrue(Math.abs(s.enqueued() - n * 0.25) < 5 * 137, "kept " + s.enqueued());
        assertEquals(n, s.enqueued() + s.sampledOut());
        assertEquals(0, s.dropped());
    }

    @Test
    void ratesZeroAndOneAreExact() {
        capture = new PredictionCapture(store, settings(0.0, 100, 10, Duration.ofSeconds(1)));
        for (int i = 0; i < 1000; i++) {
            capture.offer(row(i));
        }
        assertEquals(1000, capture.stats().sampledOut());
        assertEquals(0, capture.stats().queueDepth());

        PredictionCapture all = new PredictionCapture(store, settings(1.0, 1000, 10, Duration.ofSeconds(1)));
        for (int i = 0; i < 1000; i++) {
            all.offer(row(i));
        }
        assertEquals(1000, all.stats().enqueued());
        assertEquals(0, all.stats().sampledOut());
    }

    /**
     * The writer is held for the whole run, so an offer that waited for room would never return
     * (the producers would time out). Wall-clock times also count the OS descheduling a thread on
     * a busy machine, so a handful of slow calls are tolerated, none near a second.
     */
    @Test
    void aFullQueueDropsAndCountsWithoutBlockingTheCaller() throws Exception {
        store.gate = new CountDownLatch(1);
        capture = new PredictionCapture(store, settings(1.0, 100, 10, Duration.ofMillis(20)));
        capture.start();
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicInteger maxDepth = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (producing.get()) {
                maxDepth.accumulateAndGet(capture.stats().queueDepth(), Math::max);
                LockSupport.parkNanos(100_000);
            }
        });
        watcher.start();
        ExecutorService producers = Executors.newFixedThreadPool(4);
        List<Future<long[]>> timings = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 25_000;
            timings.add(producers.submit(() -> {
                long worst = 0;
                long slow = 0;
                for (int i = 0; i < 25_000; i++) {
                    long start = System.nanoTime();
                    capture.offer(row(base + i));
                    long took = System.nanoTime() - start;
                    worst = Math.max(worst, took);
                    if (took > TimeUnit.MILLISECONDS.toNanos(50)) {
                        slow++;
                    }
                }
                return new long[] {worst, slow};
            }));
        }
        long slowCalls = 0;
        for (Future<long[]> f : timings) {
            long[] t = f.get(60, TimeUnit.SECONDS);
            assertTrue(t[0] < TimeUnit.SECONDS.toNanos(1), "an offer took " + t[0] / 1_000_000 + " ms");
            slowCalls += t[1];
        }
        assertTrue(slowCalls <= 10, slowCalls + " of 100000 offers took over 50 ms (more than 0.01 %)");
        producers.shutdown();
        producing.set(false);
        watcher.join();

        CaptureStats held = capture.stats();
        assertEquals(100_000, held.offered());
        assertTrue(held.dropped() > 0, "nothing dropped while the writer was held");
        assertTrue(maxDepth.get() <= 100, "queue depth reached " + maxDepth.get());
        assertTrue(held.queueDepth() <= 100);

        store.gate.countDown();
        awaitTrue(() -> drained(capture.stats()), "the writer drains");
        CaptureStats s = capture.stats();
        assertEquals(s.offered(), s.sampledOut() + s.dropped() + s.written() + s.failed(), s.toString());
        assertEquals(s.written(), store.rows().size());
        assertTrue(store.batchSizes().stream().allMatch(size -> size <= 10), "batches " + store.batchSizes());
    }

    @Test
    void writesFullBatchesThenFlushesTheRestOnStop() {
        capture = new PredictionCapture(store, settings(1.0, 1000, 5, Duration.ofSeconds(30)));
        for (int i = 0; i < 12; i++) {
            capture.offer(row(i));
        }
        capture.start();
        awaitTrue(() -> capture.stats().written() == 10, "two full batches written");
        assertEquals(List.of(5, 5), store.batchSizes(), "the last two wait for the flush interval");

        long start = System.nanoTime();
        capture.stop();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "stop did not wait for the flush interval");
        assertEquals(List.of(5, 5, 2), store.batchSizes());
        assertEquals(12, capture.stats().written());
        assertEquals(12, store.rows().stream().map(CapturedPrediction::timestamp).distinct().count());
    }

    @Test
    void writesAPartialBatchAfterTheFlushInterval() {
        capture = new PredictionCapture(store, settings(1.0, 1000, 500, Duration.ofMillis(100)));
        capture.start();
        long start = System.nanoTime();
        capture.offer(row(1));
        capture.offer(row(2));
        capture.offer(row(3));
        awaitTrue(() -> capture.stats().written() == 3, "the partial batch is written");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
        assertEquals(List.of(3), store.batchSizes());
    }

    @Test
    void aDatabaseErrorLosesOneBatchAndTheWriterCarriesOn() {
        store.failNext.set(1);
        capture = new PredictionCapture(store, settings(1.0, 1000, 4, Duration.ofMillis(50)));
        for (int i = 0; i < 4; i++) {
            capture.offer(row(i));
        }
        capture.start();
        awaitTrue(() -> capture.stats().failed() == 4, "the first batch fails");
        for (int i = 4; i < 8; i++) {
            capture.offer(row(i));
        }
        awaitTrue(() -> capture.stats().written() == 4, "the next batch is written");
        CaptureStats s = capture.stats();
        assertEquals(8, s.offered());
        assertEquals(s.offered(), s.written() + s.failed());
    }

    @Test
    void stoppingGivesUpAfterItsDeadlineAndCountsWhatWasLeft() {
        store.delayMillis = 400;
        capture = new PredictionCapture(store, settings(1.0, 1000, 10, Duration.ofMillis(10)));
        for (int i = 0; i < 200; i++) {
            capture.offer(row(i));
        }
        capture.start();
        long start = System.nanoTime();
        capture.stop();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(tookMillis < PredictionCapture.FLUSH_DEADLINE_MILLIS + 1_500, "stop took " + tookMillis + " ms");
        awaitTrue(() -> drained(capture.stats()), "the writer finished its last batch");
        CaptureStats s = capture.stats();
        assertTrue(s.dropped() > 0, "rows left at the deadline count as dropped: " + s);
        assertTrue(s.written() > 0);
        assertEquals(200, s.written() + s.dropped());
    }

    @Test
    void disabledCaptureTakesNothingAndStartsNoWriter() {
        capture = new PredictionCapture(store, new CaptureSettings(false, 1.0, 10, 5, Duration.ofSeconds(1)));
        capture.start();
        for (int i = 0; i < 100; i++) {
            capture.offer(row(i));
        }
        assertFalse(capture.enabled());
        assertEquals(new CaptureStats(0, 0, 0, 0, 0, 0, 0, 10), capture.stats());
    }

    private static boolean drained(CaptureStats s) {
        return s.queueDepth() == 0 && s.offered() == s.sampledOut() + s.dropped() + s.written() + s.failed();
    }

    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
