package dev.ballast.registry.app.serving.capture;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

import java.time.Duration;

/**
 * How prediction capture trades completeness for cost, checked when the application starts so a
 * wrong value stops start-up with a message naming the key instead of surfacing under load:
 * {@code ballast.serving.capture.enabled} (true), {@code .sample-rate} (1.0: the share of served
 * rows kept, 0 to 1), {@code .queue-size} (10000: rows waiting for the writer before new ones are
 * dropped; this bounds the memory capture may use), {@code .batch-size} (500: rows per insert
 * transaction) and {@code .flush-interval} (1s: the longest a captured row waits for a batch to fill).
 */
@Context
public class CaptureSettings {
    static final int MAX_QUEUE_SIZE = 1_000_000;
    static final int MAX_BATCH_SIZE = 10_000;

    private final boolean enabled;
    private final double sampleRate;
    private final int queueSize;
    private final int batchSize;
    private final Duration flushInterval;

    public CaptureSettings(@Value("${ballast.serving.capture.enabled:true}") boolean enabled,
                           @Value("${ballast.serving.capture.sample-rate:1.0}") double sampleRate,
                           @Value("${ballast.serving.capture.queue-size:10000}") int queueSize,
                           @Value("${ballast.serving.capture.batch-size:500}") int batchSize,
                           @Value("${ballast.serving.capture.flush-interval:1s}") Duration flushInterval) {
        if (!(sampleRate >= 0.0 && sampleRate <= 1.0)) {
            throw new IllegalArgumentException("ballast.serving.capture.sample-rate must be between 0 and 1 (the share of served "
                    + "rows captured), got " + sampleRate);
        }
        if (queueSize < 1 || queueSize > MAX_QUEUE_SIZE) {
            throw new IllegalArgumentException("ballast.serving.capture.queue-size must be between 1 and " + MAX_QUEUE_SIZE
                    + " (rows held in memory for the writer), got " + queueSize);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("ballast.serving.capture.batch-size must be between 1 and " + MAX_BATCH_SIZE
                    + " (rows per insert), got " + batchSize);
        }
        if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("ballast.serving.capture.flush-interval must be positive (the longest a captured "
                    + "row waits for its batch), got " + flushInterval);
        }
        this.enabled = enabled;
        this.sampleRate = sampleRate;
        this.queueSize = queueSize;
        this.batchSize = batchSize;
        this.flushInterval = flushInterval;
    }

    public boolean enabled() {
        return enabled;
    }

    public double sampleRate() {
        return sampleRate;
    }

    public int queueSize() {
        return queueSize;
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration flushInterval() {
        return flushInterval;
    }
}
