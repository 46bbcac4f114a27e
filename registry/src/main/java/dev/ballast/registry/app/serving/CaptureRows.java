package dev.ballast.registry.app.serving;

import dev.ballast.registry.domain.serving.CapturedPrediction;
import dev.ballast.registry.app.serving.capture.PredictionCapture;
import dev.ballast.registry.app.tribuo.ModelPrediction;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hands each served row (inputs by feature name, and its prediction) to {@link PredictionCapture}. */
@Singleton
public class CaptureRows {
    private final PredictionCapture capture;
    private final Clock clock;

    public CaptureRows(PredictionCapture capture, Clock clock) {
        this.capture = capture;
        this.clock = clock;
    }

    void offer(LoadedVersion v, String alias, double[][] rows, List<ModelPrediction> answers, boolean shadow) {
        long now = clock.millis();
        List<String> features = v.features();
        for (int r = 0; r < rows.length; r++) {
            double[] row = rows[r];
            ModelPrediction answer = answers.get(r);
            capture.offer(() -> {
                Map<String, Double> inputs = new HashMap<>(features.size() * 2);
                for (int f = 0; f < features.size(); f++) {
                    inputs.put(features.get(f), row[f]);
                }
                return new CapturedPrediction(v.model(), v.version(), alias, now, inputs, output(answer), shadow);
            });
        }
    }

    /** A prediction as captured: {@code value} (or {@code values}) for regression, {@code label} and {@code scores} otherwise. */
    static Map<String, Object> output(ModelPrediction p) {
        if (p.label() != null) {
            return Map.of("label", p.label(), "scores", p.scores());
        }
        if (p.values().size() == 1) {
            return Map.of("value", p.values().values().iterator().next());
        }
        return Map.of("values", p.values());
    }
}
