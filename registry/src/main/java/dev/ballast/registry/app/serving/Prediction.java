package dev.ballast.registry.app.serving;

import dev.ballast.registry.app.tribuo.ModelPrediction;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The answer to one prediction request: which version computed it and by which route, and one
 * prediction per input row.
 *
 * @param alias the alias the request went through, null for a pinned version
 * @param route {@code primary}, {@code canary} or {@code pinned}
 */
public record Prediction(String model, int version, @Nullable String alias, String route, List<ModelPrediction> rows) {
}
