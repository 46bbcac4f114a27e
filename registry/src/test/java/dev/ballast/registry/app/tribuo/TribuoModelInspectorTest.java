package dev.ballast.registry.app.tribuo;

import dev.ballast.client.TaskType;
import dev.ballast.client.TribuoModelDescriber;
import dev.ballast.client.testing.TrainedModels;
import dev.ballast.core.error.BallastException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TribuoModelInspectorTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    private final TribuoModelInspector inspector = new TribuoModelInspector(new TribuoModelLoader(256L * 1024 * 1024));

    private static byte[] bytes(Model<?> model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.serializeToStream(out);
        return out.toByteArray();
    }

    private static byte[] descriptor(Model<?> model) {
        return TribuoModelDescriber.describe(model, NOW).toJson();
    }

    private String refusal(byte[] model, byte[] descriptor) {
        return assertThrows(BallastException.class, () -> inspector.inspect(model, descriptor)).getMessage();
    }

    private static byte[] edit(byte[] json, String from, String to) {
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), text);
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void inspectsARegressionFromFiles(@TempDir Path dir) throws IOException {
        Model<Regressor> model = TrainedModels.linearRegression();
        Path modelFile = dir.resolve("model.tribuo");
        model.serializeToFile(modelFile);
        Path descriptorFile = Files.write(dir.resolve("ballast-model.json"), descriptor(model));

        InspectedModel inspected = inspector.inspect(modelFile, descriptorFile);
        assertEquals(TaskType.REGRESSION, inspected.taskType());
        assertEquals("org.tribuo.regression.sgd.linear.LinearSGDModel", inspected.modelClass());
        assertEquals("4.3.2", inspected.tribuoVersion());
        assertEquals(List.of("x1", "x2"), inspected.featureNames());
        assertEquals(List.of("y"), inspected.output().dimensions());
        assertEquals("org.tribuo.regression.sgd.linear.LinearSGDTrainer", inspected.trainerClass());
        assertEquals("100", inspected.trainerConfiguration().get("epochs"));
        assertEquals("org.tribuo.regression.sgd.objectives.SquaredLoss",
                ((Map<?, ?>) inspected.trainerConfiguration().get("objective")).get("class-name"));
        Map<?, ?> dataset = (Map<?, ?>) inspected.provenance().get("dataset");
        assertEquals("200", dataset.get("num-examples"), dataset.toString());
        assertEquals(64, inspected.modelSha256().length());
        assertEquals(model.getProvenance(), inspected.model().getProvenance());
    }

    @Test
    void inspectsAClassification() throws IOException {
        Model<Label> model = TrainedModels.logisticRegression();
        InspectedModel inspected = inspector.inspect(bytes(model), descriptor(model));
        assertEquals(TaskType.CLASSIFICATION, inspected.taskType());
        assertEquals(List.of("high", "low", "mid"), inspected.output().labels());
        assertEquals(List.of("x1", "x2", "x3"), inspected.featureNames());
    }

    @Test
    void reportsFeatureDifferences() throws IOException {
        Model<Regressor> model = TrainedModels.linearRegression();
        byte[] tampered = edit(descriptor(model), "\"name\" : \"x2\"", "\"name\" : \"x9\"");
        assertEquals("model.tribuo does not match ballast-model.json: features not in the model: [x9]; "
                + "model features missing from the descriptor: [x2].", refusal(bytes(model), tampered));
        byte[] typed = edit(descriptor(model), "\"name\" : \"x2\",\n    \"type\" : \"double\"", "\"name\" : \"x2\",\n    \"type\" : \"string\"");
        assertEquals("model.tribuo does not match ballast-model.json: Tribuo features are real-valued ('double'), not [x2 (string)].",
                refusal(bytes(model), typed));
    }

    @Test
    void reportsATaskOutputOrRecipeThatIsNotTheModels() throws IOException {
        Model<Label> classifier = TrainedModels.logisticRegression();
        byte[] labels = edit(descriptor(classifier), "\"mid\"", "\"medium\"");
        assertEquals("model.tribuo does not match ballast-model.json: output.labels differ from the model's: "
                + "not in the model [medium], missing [mid].", refusal(bytes(classifier), labels));

        Model<Regressor> regression = TrainedModels.linearRegression();
        byte[] epochs = edit(descriptor(regression), "\"epochs\" : \"100\"", "\"epochs\" : \"5\"");
        assertEquals("model.tribuo does not match ballast-model.json: trainer.configuration differs from the model's provenance at [epochs].",
                refusal(bytes(regression), epochs));

        String wrongModel = refusal(bytes(regression), descriptor(TrainedModels.regressionTree()));
        assertTrue(wrongModel.contains("model_class is 'org.tribuo.regression.rtree.IndependentRegressionTreeModel' but the model is a "
                + "org.tribuo.regression.sgd.linear.LinearSGDModel"), wrongModel);
        assertTrue(wrongModel.contains("trainer.class is 'org.tribuo.regression.rtree.CARTRegressionTrainer'"), wrongModel);

        String wrongTask = refusal(bytes(regression), descriptor(classifier));
        assertTrue(wrongTask.startsWith("model.tribuo does not match ballast-model.json: task_type is 'classification' but the model "
                + "is a regression model (it predicts org.tribuo.regression.Regressor); features not in the model: [x3]"), wrongTask);
    }

    @Test
    void refusesAnInvalidDescriptorOrAModelThatIsNotTribuo() throws IOException {
        Model<Regressor> model = TrainedModels.linearRegression();
        assertEquals("ballast-model.json is invalid: task_type 'ranking' is not one of regression, classification, multi_label, "
                + "clustering, anomaly_detection", refusal(bytes(model), edit(descriptor(model), "\"regression\"", "\"ranking\"")));
        assertTrue(refusal(bytes(model), "{".getBytes(StandardCharsets.UTF_8)).startsWith("ballast-model.json is invalid: not valid JSON: "));
        assertTrue(refusal("PK\u0003\u0004 not a model".getBytes(StandardCharsets.ISO_8859_1), descriptor(model))
                .startsWith("model.tribuo is not a Tribuo 4.3 protobuf model: "));
        assertEquals("ballast-model.json is " + (TribuoModelInspector.MAX_DESCRIPTOR_BYTES + 1) + " bytes, more than the limit of "
                + TribuoModelInspector.MAX_DESCRIPTOR_BYTES + " bytes.", refusal(bytes(model), new byte[TribuoModelInspector.MAX_DESCRIPTOR_BYTES + 1]));
    }

    @Test
    void refusesAMissingDescriptorFile(@TempDir Path dir) throws IOException {
        Path modelFile = dir.resolve("model.tribuo");
        TrainedModels.linearRegression().serializeToFile(modelFile);
        BallastException e = assertThrows(BallastException.class, () -> inspector.inspect(modelFile, dir.resolve("ballast-model.json")));
        assertEquals("The model has no ballast-model.json; log it with BallastModels.log.", e.getMessage());
    }

}
