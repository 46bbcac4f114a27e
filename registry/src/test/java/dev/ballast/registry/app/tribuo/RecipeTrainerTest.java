package dev.ballast.registry.app.tribuo;

import dev.ballast.client.testing.TrainedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecipeTrainerTest {

    @Test
    void retrainsARegressionWithItsRecordedTrainerOnNewData(@TempDir Path dir) throws IOException {
        Model<Regressor> original = TrainedModels.linearRegression();
        Path csv = dir.resolve("data.csv");
        StringBuilder rows = new StringBuilder("x1,x2,y\n");
        TrainedModels.regressionData(7).forEach(e -> rows.append(e.lookup("x1").getValue()).append(',')
                .append(e.lookup("x2").getValue()).append(',').append(e.getOutput().getValues()[0]).append('\n'));
        Files.writeString(csv, rows);

        RecipeTrainer.Retrained r = new RecipeTrainer().retrain(original, csv, "y", 0.8, 42L);
        assertEquals(original.getProvenance().getTrainerProvenance().getClassName(), r.trainerClass());
        assertEquals(original.getProvenance().getTrainerProvenance().getConfiguredParameters(),
                r.model().getProvenance().getTrainerProvenance().getConfiguredParameters(), "same hyperparameters");
        assertEquals(160, r.trainRows());
        assertEquals(40, r.testRows());
        assertTrue(r.metrics().get("r2") > 0.95, r.metrics().toString());
        assertTrue(r.metrics().get("rmse") < 0.2, r.metrics().toString());

        RecipeTrainer.Retrained again = new RecipeTrainer().retrain(original, csv, "y", 0.8, 42L);
        assertEquals(r.metrics(), again.metrics(), "the same data, recipe and seed give the same model");
    }

    @Test
    void retrainsAClassifierToo(@TempDir Path dir) throws IOException {
        var original = TrainedModels.logisticRegression();
        Path csv = dir.resolve("labels.csv");
        StringBuilder rows = new StringBuilder("x1,x2,x3,label\n");
        TrainedModels.classificationData(9).forEach(e -> rows.append(e.lookup("x1").getValue()).append(',')
                .append(e.lookup("x2").getValue()).append(',').append(e.lookup("x3").getValue()).append(',')
                .append(e.getOutput().getLabel()).append('\n'));
        Files.writeString(csv, rows);
        RecipeTrainer.Retrained r = new RecipeTrainer().retrain(original, csv, "label", 0.75, 7L);
        assertTrue(r.metrics().get("accuracy") > 0.7, r.metrics().toString());
        assertTrue(r.metrics().containsKey("f1"));
    }
}
