package dev.ballast.registry.app.serving.capture;

import dev.ballast.registry.domain.serving.CapturedPrediction;
import dev.ballast.registry.domain.serving.CaptureStore;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Captures served inputs and predictions for drift monitoring without ever slowing a prediction.
 *
 * <p>{@link #offer} runs on the request thread: a sampling decision (one thread-local random
 * number), then a lock-free {@link CaptureQueue} of at most {@code queue-size} rows. A full queue means the writer has fallen behind: the row is dropped
 * and counted, never waited for, so capture's memory is bounded and a slow or unavailable
 * database costs predictions nothing.
 *
 * <p>One daemon thread writes: it takes rows until it has {@code batch-size} of them or the
 * first has waited {@code flush-interval}, and inserts them in one transaction. A database error
 * is logged and the batch's rows are counted as failed; the thread carries on with the next
 * batch. Stopping clears a flag (no interrupt: H2 closes its files under an interrupted thread);
 * the writer then writes what is queued for at most {@value #FLUSH_DEADLINE_MILLIS} ms and what is
 * left is counted as dropped, so shutdown is never held up for long.
 */
@Singleton
public class PredictionCapture implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionCapture.class);
    static final long FLUSH_DEADLINE_MILLIS = 2_000;
    private static final long STOP_WAIT_MILLIS = FLUSH_DEADLINE_MILLIS + 1_000;
    /** How often a writer waiting for rows looks at the queue (and at the stop flag). */
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final CaptureStore store;
    private final CaptureSettings settings;
    private final Sampler sampler;
    private final CaptureQueue queue;
    private final boolean enabled;
    private final LongAdder offered = new LongAdder();
    private final LongAdder sampledOut = new LongAdder();
    private final LongAdder enqueued = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    // Writer thread only: when drops and failures were last reported.
    private long droppedReported;
    private long lastDropWarning = System.nanoTime() - WARN_EVERY_NANOS;
    private long lastFailureWarning = System.nanoTime() - WARN_EVERY_NANOS;
    private long failuresSinceWarning;

    @Inject
    public PredictionCapture(CaptureStore store, CaptureSettings settings) {
        this(store, settings, Sampler.of(settings.sampleRate()));
    }

    PredictionCapture(CaptureStore store, CaptureSettings settings, Sampler sampler) {
        this.store = store;
        this.settings = settings;
        this.sampler = sampler;
        this.enabled = settings.enabled();
        this.queue = new CaptureQueue(settings.queueSize());
    }

    /**
     * Offers one served row for capture. Never blocks and never throws for lack of room: when
     * the row is sampled out or the queue is full it is only counted. Does nothing while capture
     * is disabled.
     */
    public void offer(CapturedPrediction prediction) {
        Objects.requireNonNull(prediction, "prediction");
        offer(() -> prediction);
    }

    /**
     * As {@link #offer(CapturedPrediction)}, but the row is only built when it is sampled in, so
     * serving's hot path allocates nothing for rows that are not captured.
     */
    public void offer(Supplier<CapturedPrediction> prediction) {
        if (!enabled) {
            return;
        }
        offered.increment();
        if (!sampler.keep()) {
            sampledOut.increment();
        } else if (queue.offer(Objects.requireNonNull(prediction.get(), "prediction"))) {
            enqueued.increment();
        } else {
            dropped.increment();
        }
    }

    /** What capture did since start (see {@link CaptureStats} for how the numbers add up). */
    public CaptureStats stats() {
        return new CaptureStats(offered.sum(), sampledOut.sum(), enqueued.sum(), dropped.sum(), written.get(), failed.get(),
                queue.size(), queue.capacity());
    }

    /** Whether rows are captured at all ({@code ballast.serving.capture.enabled}). */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        start();
    }

    /** Starts the writer thread (once; not when capture is disabled). */
    public synchronized void start() {
        if (!enabled || thread != null) {
            return;
        }
        LOG.debug("Capturing served predictions: sample rate {}, queue {}, batches of {} every {}", settings.sampleRate(),
                settings.queueSize(), settings.batchSize(), settings.flushInterval());
        running = true;
        thread = new Thread(this::loop, "ballast-capture-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the writer after it has written what it can within a short deadline. */
    @PreDestroy
    public synchronized void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        try {
            thread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("The capture writer is still writing after {} ms; not waiting for it", STOP_WAIT_MILLIS);
        }
        thread = null;
    }

    private void loop() {
        List<CapturedPrediction> batch = new ArrayList<>(settings.batchSize());
        try {
            while (running) {
                fill(batch);
                write(batch);
                reportDrops();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("The capture writer stopped; served predictions are no longer captured", e);
            return;
        }
        flushOnStop(batch);
    }

    /**
     * Takes rows until the batch is full or its first row has waited the flush interval; returns
     * with an empty batch after a short idle wait so the stop flag is seen. The queue does not
     * block, so the writer naps between looks (10 ms at most), which no request thread pays for.
     */
    private void fill(List<CapturedPrediction> batch) throws InterruptedException {
        CapturedPrediction first = queue.poll();
        if (first == null) {
            nap(IDLE_POLL_NANOS);
            return;
        }
        batch.add(first);
        int size = settings.batchSize();
        long deadline = System.nanoTime() + settings.flushInterval().toNanos();
        while (batch.size() < size && running) {
            queue.drainTo(batch, size - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= size || left <= 0) {
                return;
            }
            nap(Math.min(left, IDLE_POLL_NANOS));
        }
    }

    private static void nap(long nanos) throws InterruptedException {
        LockSupport.parkNanos(nanos);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    private void write(List<CapturedPrediction> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int n = batch.size();
        try {
            store.insertBatch(batch);
            written.addAndGet(n);
        } catch (RuntimeException e) {
            failed.addAndGet(n);
            failuresSinceWarning += n;
            long now = System.nanoTime();
            if (now - lastFailureWarning >= WARN_EVERY_NANOS) {
                LOG.warn("Could not write {} captured prediction(s) (lost; {} since the last warning): {}", n, failuresSinceWarning,
                        e.toString(), e);
                lastFailureWarning = now;
                failuresSinceWarning = 0;
            }
        } finally {
            batch.clear();
        }
    }

    /** Drops are counted on request threads; the writer reports them, at most once a minute. */
    private void reportDrops() {
        long now = System.nanoTime();
        if (now - lastDropWarning < WARN_EVERY_NANOS) {
            return;
        }
        long total = dropped.sum();
        if (total > droppedReported) {
            LOG.warn("Prediction capture dropped {} row(s) because its queue ({} rows) was full: the database writes slower than "
                    + "predictions are served; lower ballast.serving.capture.sample-rate or raise queue-size/batch-size", total
                    - droppedReported, settings.queueSize());
            droppedReported = total;
            lastDropWarning = now;
        }
    }

    private void flushOnStop(List<CapturedPrediction> batch) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_DEADLINE_MILLIS);
        write(batch);
        while (System.nanoTime() < deadline) {
            queue.drainTo(batch, settings.batchSize());
            if (batch.isEmpty()) {
                return;
            }
            write(batch);
        }
        List<CapturedPrediction> left = new ArrayList<>();
        queue.drainTo(left, Integer.MAX_VALUE);
        if (!left.isEmpty()) {
            dropped.add(left.size());
            LOG.warn("Stopped before writing {} captured prediction(s)", left.size());
        }
    }
}
