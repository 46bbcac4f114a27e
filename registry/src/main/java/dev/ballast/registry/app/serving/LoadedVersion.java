package dev.ballast.registry.app.serving;

import dev.ballast.client.TaskType;
import dev.ballast.registry.app.tribuo.ModelPrediction;
import dev.ballast.registry.app.tribuo.TribuoPredictor;
import org.tribuo.Model;

import java.util.List;

/**
 * A model version loaded, checked and warmed, ready to predict. Immutable: a request holds the
 * instance it started with, so a hot swap never changes the model under a request in flight.
 */
public final class LoadedVersion {
    private final String model;
    private final long modelId;
    private final int version;
    private final TaskType taskType;
    private final List<String> features;
    private final String[] featureArray;
    private final Model<?> tribuoModel;
    private final TribuoPredictor predictor;

    /** @param features the feature names, in the order requests are validated and rows are passed */
    public LoadedVersion(String model, long modelId, int version, TaskType taskType, List<String> features, Model<?> tribuoModel,
                         TribuoPredictor predictor) {
        this.model = model;
        this.modelId = modelId;
        this.version = version;
        this.taskType = taskType;
        this.features = List.copyOf(features);
        this.featureArray = this.features.toArray(new String[0]);
        this.tribuoModel = tribuoModel;
        this.predictor = predictor;
    }

    /** Predicts one row whose values are in {@link #features()} order, already checked finite. */
    public ModelPrediction predict(double[] row) {
        return predictor.predict(tribuoModel, taskType, featureArray, row);
    }

    public String model() {
        return model;
    }

    public long modelId() {
        return modelId;
    }

    public int version() {
        return version;
    }

    public TaskType taskType() {
        return taskType;
    }

    public List<String> features() {
        return features;
    }
}
