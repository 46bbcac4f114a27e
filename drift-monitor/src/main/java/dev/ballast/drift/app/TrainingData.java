package dev.ballast.drift.app;

import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.tracking.app.dataset.DatasetLineage;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The dataset version a model version was trained on, read from lineage: the Ballast dataset
 * input of the version's run tagged {@code mlflow.data.context=training}, else its first Ballast
 * dataset input. Drift monitors compare against it; retraining starts from its dataset.
 */
@Singleton
public class TrainingData {
    private final DatasetLineage lineage;

    public TrainingData(DatasetLineage lineage) {
        this.lineage = lineage;
    }

    /** Empty when the version has no run or its run used no Ballast dataset version. */
    public Optional<DatasetLineage.InputUse> of(ModelVersion version) {
        if (version.runId() == null) {
            return Optional.empty();
        }
        List<DatasetLineage.InputUse> inputs = lineage.ofRun(version.runId()).inputs().stream().filter(u -> u.version() != null).toList();
        return inputs.stream()
                .filter(u -> "training".equals(u.input().tags().get("mlflow.data.context"))).findFirst()
                .or(() -> inputs.stream().findFirst());
    }
}
