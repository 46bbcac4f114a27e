package dev.ballast.ui.registry;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.tracking.app.dataset.DatasetLineage;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a model version came from, for links on the registry pages: its source run and the
 * dataset versions that run logged as inputs (through the tracking module's lineage, two
 * queries per version). A run that was deleted or never existed leaves the list empty.
 */
@Singleton
public class Lineage {
    private final DatasetLineage lineage;

    public Lineage(DatasetLineage lineage) {
        this.lineage = lineage;
    }

    /**
     * One dataset the run read.
     *
     * @param version the dataset version number, null when the input is not a versioned Ballast dataset
     * @param context e.g. {@code training} or {@code evaluation}; null when not given
     */
    public record Input(String dataset, Integer version, String context, String digest) {
    }

    public List<Input> inputs(ModelVersion v) {
        if (v.runId() == null) {
            return List.of();
        }
        List<Input> out = new ArrayList<>();
        try {
            for (DatasetLineage.InputUse use : lineage.ofRun(v.runId()).inputs()) {
                out.add(new Input(use.input().name(), use.version() == null ? null : use.version().number(),
                        use.input().tags().get("mlflow.data.context"), use.input().digest()));
            }
        } catch (BallastException e) {
            if (e.code() != ErrorCode.RESOURCE_DOES_NOT_EXIST) {
                throw e;
            }
        }
        return out;
    }
}
