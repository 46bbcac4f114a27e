package dev.ballast.registry.app.serving.capture;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/** TEMPORARY STUB (replaced by helper/capture). */
public record CapturedPrediction(String model, int version, @Nullable String alias, long timestamp, Map<String, Double> inputs,
                                 Map<String, Object> output, boolean shadow) {
}
