package dev.ballast.client;

import dev.ballast.client.testing.TrainedModels;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TribuoModelDescriberTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");

    @Test
    void describesARegressionFromTheModelAndItsProvenance() {
        Model<Regressor> model = TrainedModels.linearRegression();
        BallastModelDescriptor d = TribuoModelDescriber.describe(model, NOW).validate();
        assertEquals(TaskType.REGRESSION, d.taskType());
        assertEquals(List.of("x1", "x2"), d.featureNames());
        assertTrue(d.features().stream().allMatch(f -> f.type().equals("double")));
        assertEquals(new BallastModelDescriptor.Output("y", "double", null, List.of("y")), d.output());
        assertEquals("org.tribuo.regression.sgd.linear.LinearSGDTrainer", d.trainer().className());
        Map<String, Object> config = d.trainer().configuration();
        assertEquals("100", config.get("epochs"));
        assertEquals(String.valueOf(TrainedModels.SEED), config.get("seed"));
        assertEquals("org.tribuo.math.optimisers.AdaGrad", ((Map<?, ?>) config.get("optimiser")).get("class-name"));
        assertEquals("4.3.2", d.tribuoVersion());
        assertEquals(model.getClass().getName(), d.modelClass());
        assertEquals(NOW, d.createdAt());
        assertEquals(d, BallastModelDescriptor.fromJson(d.toJson()));
    }

    @Test
    void describesAClassificationWithItsSortedLabels() {
        Model<Label> model = TrainedModels.logisticRegression();
        BallastModelDescriptor d = TribuoModelDescriber.describe(model, NOW).validate();
        assertEquals(TaskType.CLASSIFICATION, d.taskType());
        assertEquals(List.of("x1", "x2", "x3"), d.featureNames());
        assertEquals(new BallastModelDescriptor.Output("label", "string", List.of("high", "low", "mid"), null), d.output());
        assertEquals("org.tribuo.classification.sgd.linear.LogisticRegressionTrainer", d.trainer().className());
    }

    @Test
    void provenanceTreeIsSortedAndNested() {
        Map<String, Object> tree = TribuoModelDescriber.provenanceTree(TrainedModels.regressionTree().getProvenance());
        assertEquals(List.copyOf(tree.keySet()).stream().sorted().toList(), List.copyOf(tree.keySet()));
        assertTrue(tree.get("trainer") instanceof Map<?, ?>, tree.toString());
        assertEquals("4.3.2", tree.get("tribuo-version"));
    }
}
