package dev.ballast.registry.app.serving.metrics;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** TEMPORARY STUB (replaced by helper/capture). */
@Singleton
public class ServingMetrics {
    public void request(String model, int version, String endpoint, int status, long nanos, int batchSize) {
    }

    public void error(String model, @Nullable Integer version, String errorCode) {
    }

    public void shadow(String model, int primaryVersion, int shadowVersion, String measure, double value) {
    }
}
