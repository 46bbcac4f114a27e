package dev.ballast.registry.app.tribuo;

import dev.ballast.client.TaskType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One prediction of a Ballast model, in a shape that does not depend on Tribuo's generic types so
 * serving can render it directly.
 *
 * @param taskType      the model's task
 * @param values        regression: each dimension's predicted value, in the model's dimension order; else empty
 * @param label         classification: the predicted label; else null
 * @param scores        classification: every label's score, sorted by label; else empty
 * @param probabilities whether the scores are probabilities (Tribuo's {@code Prediction.hasProbabilities})
 */
public record ModelPrediction(TaskType taskType, Map<String, Double> values, String label, Map<String, Double> scores,
                              boolean probabilities) {
    public ModelPrediction {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }
}
