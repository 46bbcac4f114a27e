package dev.ballast.registry.domain.serving;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * One served prediction as drift monitoring sees it: which model version answered (and under
 * which alias it was called), when, the inputs it was given and what it answered. Serving builds
 * one per row (a batch request gives one per row) and hands it to {@link PredictionCapture#offer}.
 *
 * @param model     registered model name
 * @param version   the version that made this prediction
 * @param alias     the alias the caller addressed, null when it called a version
 * @param timestamp epoch milliseconds when it was served
 * @param inputs    feature name to value (serving refuses NaN; a non-finite value is stored as null)
 * @param output    JSON-able answer: {@code {"value": 1.23}} or {@code {"values": {...}}} for
 *                  regression, {@code {"label": "a", "scores": {...}}} for classification
 * @param shadow    true when a shadow version computed it next to the primary's answer
 */
public record CapturedPrediction(String model, int version, @Nullable String alias, long timestamp, Map<String, Double> inputs,
                                 Map<String, Object> output, boolean shadow) {
}
