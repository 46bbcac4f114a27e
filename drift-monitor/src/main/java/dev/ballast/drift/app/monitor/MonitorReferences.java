package dev.ballast.drift.app.monitor;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.drift.app.DriftRequest;
import dev.ballast.drift.app.TrainingData;
import dev.ballast.drift.domain.monitor.DriftMonitor;
import dev.ballast.drift.domain.monitor.MonitorReference;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.serving.CaptureStore;
import dev.ballast.registry.domain.serving.CapturedInputs;
import dev.ballast.tracking.app.dataset.DatasetLineage;
import dev.ballast.tracking.app.dataset.DatasetService;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a monitor's reference into what a check reads: a dataset version (the served version's training data from its
 * lineage, or the pinned one), or the captured inputs of the frozen window. Also names the reference's numeric
 * features, cheaply, so that a monitor's feature list can be checked when it is set.
 */
@Singleton
public class MonitorReferences {
    /** At most this many captured rows of a frozen window are read (the newest when it holds more). */
    public static final int MAX_REFERENCE_ROWS = 1_000_000;

    private final TrainingData trainingData;
    private final DatasetService datasets;
    private final CaptureStore captures;
    private final RegistryService registry;
    private final ServedFeatures served;

    public MonitorReferences(TrainingData trainingData, DatasetService datasets, CaptureStore captures, RegistryService registry,
                             ServedFeatures served) {
        this.trainingData = trainingData;
        this.datasets = datasets;
        this.captures = captures;
        this.registry = registry;
        this.served = served;
    }

    /**
     * A reference as a check reads it.
     *
     * @param features the reference's numeric features
     * @param label    what the reference is, for messages
     */
    public record Resolved(DriftRequest.Side side, List<String> features, String label) {
    }

    /** A reference's numeric features and what it is, without its values. */
    public record Described(List<String> features, String label) {
    }

    /** Reads a frozen window's captured inputs, or names the dataset version to read. */
    public Resolved resolve(DriftMonitor m, ModelVersion servedVersion) {
        if (m.reference() instanceof MonitorReference.FrozenWindow w) {
            CapturedInputs rows = captures.inputs(m.model(), w.version(), w.from(), w.to(), MAX_REFERENCE_ROWS);
            if (rows.rows() == 0) {
                throw new BallastException(ErrorCode.INVALID_STATE, "The monitor's reference window " + windowLabel(m.model(), w)
                        + " holds no captured inputs any more; create a monitor with another reference.");
            }
            Map<String, DriftRequest.RawFeature> sample = new LinkedHashMap<>();
            for (String f : rows.features()) {
                sample.put(f, new DriftRequest.NumericValues(rows.values(f), rows.rows(), 0));
            }
            return new Resolved(new DriftRequest.Samples(sample), rows.features(), windowLabel(m.model(), w));
        }
        DriftRequest.DatasetRef ref = dataset(m.reference(), servedVersion);
        DatasetVersion version = datasets.version(ref.dataset(), ref.version());
        return new Resolved(new DriftRequest.DatasetRef(version.dataset(), version.commitId()), numericColumns(version),
                datasetLabel(version));
    }

    /** The reference's numeric features without reading its values (a window's are its version's served inputs). */
    public Described describe(String model, MonitorReference reference, ModelVersion servedVersion) {
        if (reference instanceof MonitorReference.FrozenWindow w) {
            ModelVersion v = registry.getVersion(model, String.valueOf(w.version()));
            return new Described(served.numeric(v), windowLabel(model, w));
        }
        DriftRequest.DatasetRef ref = dataset(reference, servedVersion);
        DatasetVersion version = datasets.version(ref.dataset(), ref.version());
        return new Described(numericColumns(version), datasetLabel(version));
    }

    /** The pinned dataset version, or the dataset version the served version's run trained on. */
    private DriftRequest.DatasetRef dataset(MonitorReference reference, ModelVersion servedVersion) {
        if (reference instanceof MonitorReference.PinnedDataset d) {
            return new DriftRequest.DatasetRef(d.dataset(), d.version());
        }
        DatasetLineage.InputUse chosen = trainingData.of(servedVersion).orElseThrow(() -> new BallastException(ErrorCode.INVALID_STATE,
                servedVersion.label() + " has no Ballast dataset version in its lineage (no run, or its run used none);"
                        + " pin a reference dataset version on the monitor."));
        return new DriftRequest.DatasetRef(chosen.version().dataset(), chosen.version().commitId());
    }

    private static List<String> numericColumns(DatasetVersion v) {
        return v.profile().columns().stream().filter(c -> c.type().numeric()).map(c -> c.name()).toList();
    }

    private static String datasetLabel(DatasetVersion v) {
        return "dataset '" + v.dataset() + "' version " + v.number();
    }

    static String windowLabel(String model, MonitorReference.FrozenWindow w) {
        return "captured inputs of " + model + " v" + w.version() + " in [" + w.from() + ", " + w.to() + ")";
    }
}
