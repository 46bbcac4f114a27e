package dev.ballast.drift.app.workflow.steps;

import dev.ballast.core.error.BallastException;
import dev.ballast.drift.app.TrainingData;
import dev.ballast.drift.app.workflow.StepAction;
import dev.ballast.drift.app.workflow.StepContext;
import dev.ballast.drift.app.workflow.StepResult;
import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.tracking.app.dataset.DatasetLineage;
import dev.ballast.tracking.app.dataset.DatasetService;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Step 1: the data to train on — the newest version of the policy's retraining dataset, or of the
 * dataset the current version was trained on (from its lineage). Records whether it differs from
 * what the current version saw.
 */
@Singleton
public class ChooseDataStep implements StepAction {
    private final BaseVersion base;
    private final TrainingData trainingData;
    private final DatasetService datasets;

    public ChooseDataStep(BaseVersion base, TrainingData trainingData, DatasetService datasets) {
        this.base = base;
        this.trainingData = trainingData;
        this.datasets = datasets;
    }

    @Override
    public StepName name() {
        return StepName.CHOOSE_DATA;
    }

    @Override
    public boolean atomic() {
        return true;
    }

    @Override
    public StepResult run(StepContext context) {
        ModelVersion current = base.of(context.workflow());
        Optional<DatasetLineage.InputUse> trained = trainingData.of(current);
        String dataset = context.policy().dataset() != null ? context.policy().dataset()
                : trained.map(u -> u.version().dataset()).orElseThrow(() -> BallastException.invalid(current.label()
                + " has no Ballast dataset version in its lineage; set 'dataset' in the model's retraining policy."));
        DatasetVersion chosen = datasets.version(dataset, "latest");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", chosen.dataset());
        out.put("version", chosen.number());
        out.put("commit", chosen.commitId());
        out.put("digest", chosen.digest());
        out.put("format", chosen.format().name().toLowerCase(java.util.Locale.ROOT));
        out.put("rows", chosen.rows());
        trained.ifPresent(u -> {
            out.put("base_dataset", u.version().dataset());
            out.put("base_commit", u.version().commitId());
        });
        out.put("new_data", trained.map(u -> !u.version().commitId().equals(chosen.commitId())).orElse(true));
        return StepResult.done(out);
    }
}
