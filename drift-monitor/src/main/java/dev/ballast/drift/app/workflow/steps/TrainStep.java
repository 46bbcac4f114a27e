package dev.ballast.drift.app.workflow.steps;

import dev.ballast.core.error.BallastException;
import dev.ballast.drift.app.workflow.StepAction;
import dev.ballast.drift.app.workflow.StepContext;
import dev.ballast.drift.app.workflow.StepResult;
import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.registry.app.tribuo.RecipeTrainer;
import dev.ballast.registry.app.tribuo.TribuoModelLoader;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.tracking.app.ArtifactService;
import dev.ballast.tracking.app.dataset.DatasetService;
import jakarta.inject.Singleton;
import org.tribuo.Model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Step 2: trains with the recipe recorded on the current version (its Tribuo trainer, rebuilt
 * from provenance with the same hyperparameters) on the chosen data, with a seeded holdout split,
 * and stages the model. The same data, recipe and seed give the same model, so a repeat after a
 * crash produces the same result.
 */
@Singleton
public class TrainStep implements StepAction {
    private final BaseVersion base;
    private final ArtifactService artifacts;
    private final TribuoModelLoader loader;
    private final RecipeTrainer trainer;
    private final DatasetService datasets;
    private final StagedModels staged;

    public TrainStep(BaseVersion base, ArtifactService artifacts, TribuoModelLoader loader, RecipeTrainer trainer,
                     DatasetService datasets, StagedModels staged) {
        this.base = base;
        this.artifacts = artifacts;
        this.loader = loader;
        this.trainer = trainer;
        this.datasets = datasets;
        this.staged = staged;
    }

    @Override
    public StepName name() {
        return StepName.TRAIN;
    }

    @Override
    public boolean atomic() {
        return false;
    }

    @Override
    public StepResult run(StepContext context) {
        ModelVersion current = base.of(context.workflow());
        Map<String, Object> spec = base.spec(current);
        Model<?> original = loader.load(artifacts.readAll(StepContext.string(spec, "model_path")));
        Map<String, Object> data = context.output(StepName.CHOOSE_DATA);
        if (!"csv".equals(data.get("format"))) {
            throw BallastException.invalid("Ballast retrains on CSV datasets; " + data.get("dataset") + " v" + data.get("version")
                    + " is " + data.get("format") + ".");
        }
        String target = targetColumn(context, spec);
        Path csv = null;
        try {
            csv = Files.createTempFile("ballast-retrain-", ".csv");
            try (InputStream in = datasets.open(StepContext.string(data, "dataset"), StepContext.string(data, "commit")).stream()) {
                Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
            }
            RecipeTrainer.Retrained r = trainer.retrain(original, csv, target, context.policy().trainFraction(), context.policy().seed());
            byte[] model = serialize(r.model());
            staged.put(context.workflow().id(), model);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("metrics", r.metrics());
            out.put("train_rows", r.trainRows());
            out.put("test_rows", r.testRows());
            out.put("split_seed", r.splitSeed());
            out.put("train_fraction", r.trainFraction());
            out.put("trainer_class", r.trainerClass());
            out.put("target_column", target);
            out.put("model_sha256", sha256(model));
            return StepResult.done(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (csv != null) {
                try {
                    Files.deleteIfExists(csv);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** The policy's target column, else the output the spec names (one regression dimension, or the label). */
    @SuppressWarnings("unchecked")
    private static String targetColumn(StepContext context, Map<String, Object> spec) {
        if (context.policy().targetColumn() != null) {
            return context.policy().targetColumn();
        }
        Map<String, Object> output = (Map<String, Object>) spec.get("output");
        String name = output == null ? null : (String) output.get("name");
        if (name == null || name.contains(",")) {
            throw BallastException.invalid("The current version predicts " + name + "; set 'target_column' in the model's retraining policy.");
        }
        return name;
    }

    private static byte[] serialize(Model<?> model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.serializeToStream(out);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
