package dev.ballast.registry.app.serving;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Serving limits and timings: {@code ballast.serving.default-alias} (the alias
 * {@code /serving/{model}} answers with, default {@code champion}), {@code .max-batch-rows}
 * (default 1000), {@code .sync-interval} (how often every replica re-reads which version each
 * endpoint serves, default 1s), {@code .shadow-queue} (shadow copies waiting to run; more are
 * dropped and counted, default 1000).
 */
@Singleton
public class ServingSettings {
    private final String defaultAlias;
    private final int maxBatchRows;
    private final Duration syncInterval;
    private final int shadowQueue;

    public ServingSettings(@Value("${ballast.serving.default-alias:champion}") String defaultAlias,
                           @Value("${ballast.serving.max-batch-rows:1000}") int maxBatchRows,
                           @Value("${ballast.serving.sync-interval:1s}") Duration syncInterval,
                           @Value("${ballast.serving.shadow-queue:1000}") int shadowQueue) {
        if (maxBatchRows < 1) {
            throw new IllegalArgumentException("ballast.serving.max-batch-rows must be at least 1");
        }
        if (syncInterval.isNegative() || syncInterval.isZero()) {
            throw new IllegalArgumentException("ballast.serving.sync-interval must be positive");
        }
        if (shadowQueue < 1) {
            throw new IllegalArgumentException("ballast.serving.shadow-queue must be at least 1");
        }
        this.defaultAlias = defaultAlias;
        this.maxBatchRows = maxBatchRows;
        this.syncInterval = syncInterval;
        this.shadowQueue = shadowQueue;
    }

    public String defaultAlias() {
        return defaultAlias;
    }

    public int maxBatchRows() {
        return maxBatchRows;
    }

    public Duration syncInterval() {
        return syncInterval;
    }

    public int shadowQueue() {
        return shadowQueue;
    }
}
