package dev.ballast.registry.app.tribuo;

import dev.ballast.client.TaskType;
import dev.ballast.client.testing.TrainedModels;
import dev.ballast.core.error.BallastException;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TribuoPredictorTest {
    private final TribuoPredictor predictor = new TribuoPredictor();
    private final TribuoModelLoader loader = new TribuoModelLoader(256L * 1024 * 1024);

    private Model<?> reloaded(Model<?> model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.serializeToStream(out);
        return loader.load(out.toByteArray());
    }

    private String refusal(Model<?> model, Map<String, Double> features) {
        return assertThrows(BallastException.class, () -> predictor.predict(model, features)).getMessage();
    }

    @Test
    void predictsTheRegressionItLearned() throws IOException {
        Model<?> model = reloaded(TrainedModels.linearRegression());
        for (double[] x : List.of(new double[]{0.5, -0.25}, new double[]{-0.8, 0.1}, new double[]{0, 0})) {
            ModelPrediction p = predictor.predict(model, Map.of("x1", x[0], "x2", x[1]));
            assertEquals(TaskType.REGRESSION, p.taskType());
            assertEquals(List.of("y"), List.copyOf(p.values().keySet()));
            assertEquals(2 * x[0] - 3 * x[1], p.values().get("y"), 0.05, "at " + x[0] + ", " + x[1]);
            assertNull(p.label());
        }
    }

    @Test
    void reloadedModelsPredictExactlyAsTheOriginal() throws IOException {
        Model<Regressor> tree = TrainedModels.regressionTree();
        Map<String, Double> input = Map.of("x1", 0.3, "x2", 0.7);
        assertEquals(predictor.predict(tree, input), predictor.predict(reloaded(tree), input));
    }

    @Test
    void predictsALabelWithScores() throws IOException {
        Model<?> model = reloaded(TrainedModels.logisticRegression());
        ModelPrediction high = predictor.predict(model, Map.of("x1", 0.9, "x2", 0.8, "x3", 0.5));
        assertEquals("high", high.label());
        assertEquals(List.of("high", "low", "mid"), List.copyOf(high.scores().keySet()));
        assertTrue(high.probabilities());
        assertEquals(1.0, high.scores().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals("low", predictor.predict(model, Map.of("x1", -0.9, "x2", -0.8, "x3", 0.5)).label());
        assertEquals("mid", predictor.predict(model, Map.of("x1", 0.1, "x2", -0.1, "x3", 0.5)).label());
    }

    @Test
    void refusesUnknownAndMissingFeaturesByName() {
        Model<Label> model = TrainedModels.logisticRegression();
        assertEquals("The input does not match the model's features [x1, x2, x3]: unknown features [X1, colour]; missing features [x1].",
                refusal(model, Map.of("X1", 1.0, "x2", 0.0, "x3", 0.0, "colour", 2.0)));
        assertEquals("The input does not match the model's features [x1, x2, x3]: missing features [x3].",
                refusal(model, Map.of("x1", 1.0, "x2", 0.0)));
    }

    @Test
    void refusesValuesThatAreNotFiniteNumbers() {
        Map<String, Double> input = new HashMap<>(Map.of("x1", Double.NaN, "x3", Double.POSITIVE_INFINITY));
        input.put("x2", null);
        assertEquals("Feature values must be finite numbers: x1 = NaN, x2 = null, x3 = Infinity.",
                refusal(TrainedModels.logisticRegression(), input));
        assertEquals("No feature values were given.", refusal(TrainedModels.logisticRegression(), null));
    }
}
