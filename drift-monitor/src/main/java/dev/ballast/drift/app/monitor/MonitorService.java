package dev.ballast.drift.app.monitor;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.drift.app.DriftCheck;
import dev.ballast.drift.app.DriftReportView;
import dev.ballast.drift.app.DriftRequest;
import dev.ballast.drift.app.DriftService;
import dev.ballast.drift.app.TrainingData;
import dev.ballast.drift.app.workflow.RetrainingTrigger;
import dev.ballast.drift.domain.DriftSettings;
import dev.ballast.drift.domain.DriftVerdict;
import dev.ballast.drift.domain.monitor.DriftMonitor;
import dev.ballast.drift.domain.monitor.MonitorStore;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegistryNames;
import dev.ballast.registry.domain.serving.CaptureStore;
import dev.ballast.registry.domain.serving.CapturedPrediction;
import dev.ballast.tracking.app.dataset.DatasetLineage;
import dev.ballast.tracking.app.dataset.DatasetService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drift monitors of served models and their checks. A check compares the last captured inputs of
 * the version behind the monitor's alias with the reference (the training data in that version's
 * lineage unless a dataset version is pinned) using the drift statistics of {@link DriftService},
 * and stores the per-feature results. Checks run on demand here; scheduling comes on top.
 */
@Singleton
public class MonitorService {
    public static final int MAX_CURRENT_ROWS = 1_000_000;

    private final MonitorStore store;
    private final RegistryService registry;
    private final TrainingData trainingData;
    private final CaptureStore captures;
    private final DriftService drift;
    private final DatasetService datasets;
    private final DriftMetrics metrics;
    private final MonitorScheduler scheduler;
    private final RetrainingTrigger retraining;
    private final ObjectMapper json;
    private final Clock clock;

    public MonitorService(MonitorStore store, RegistryService registry, TrainingData trainingData, CaptureStore captures, DriftService drift,
                          DatasetService datasets, DriftMetrics metrics, MonitorScheduler scheduler, RetrainingTrigger retraining, ObjectMapper json,
                          Clock clock) {
        this.scheduler = scheduler;
        this.retraining = retraining;
        this.datasets = datasets;
        this.metrics = metrics;
        this.store = store;
        this.registry = registry;
        this.trainingData = trainingData;
        this.captures = captures;
        this.drift = drift;
        this.json = json;
        this.clock = clock;
    }

    /** A new monitor's fields; nulls take the defaults (alias champion, lineage reference, 1000 rows, default settings). */
    public record NewMonitor(String model, @Nullable String alias, @Nullable String referenceDataset, @Nullable String referenceVersion,
                             @Nullable Integer currentRows, DriftSettings settings, @Nullable Integer scheduleSeconds) {
    }

    public DriftMonitor create(Actor actor, NewMonitor m) {
        registry.getModel(m.model());
        String alias = m.alias() == null || m.alias().isBlank() ? "champion" : RegistryNames.requireAlias(m.alias());
        int rows = m.currentRows() == null ? 1000 : m.currentRows();
        if (rows < 1 || rows > MAX_CURRENT_ROWS) {
            throw BallastException.invalid("'current_rows' must be between 1 and " + MAX_CURRENT_ROWS + ", got " + rows + ".");
        }
        if ((m.referenceDataset() == null) != (m.referenceVersion() == null)) {
            throw BallastException.invalid("Pin a reference with both 'reference_dataset' and 'reference_version', or give neither to"
                    + " use the training data in the served version's lineage.");
        }
        if (m.scheduleSeconds() != null && (m.scheduleSeconds() < 1 || m.scheduleSeconds() > 7 * 24 * 3600)) {
            throw BallastException.invalid("'schedule_seconds' must be between 1 and 604800 (a week), got " + m.scheduleSeconds() + ".");
        }
        long id = store.insert(new DriftMonitor(0, m.model(), alias, m.referenceDataset(), m.referenceVersion(), rows, m.settings(),
                m.scheduleSeconds(), actor.username(), clock.millis()));
        DriftMonitor created = get(id);
        if (created.scheduleSeconds() != null) {
            scheduler.schedule(created);
        }
        return created;
    }

    public DriftMonitor get(long id) {
        return store.find(id).orElseThrow(() -> BallastException.notFound("Drift monitor " + id + " not found."));
    }

    public List<DriftMonitor> list(@Nullable String model) {
        return store.list(model);
    }

    public List<MonitorStore.StoredCheck> checks(long id, int limit) {
        get(id);
        return store.checks(id, limit);
    }

    /** Runs one check now and stores its result. */
    public MonitorStore.StoredCheck check(long id) {
        DriftMonitor m = get(id);
        ModelVersion served = registry.versionByAlias(m.model(), m.alias());
        DriftRequest.DatasetRef reference = reference(m, served);
        List<CapturedPrediction> rows = captures.window(m.model(), served.version(), 0, Long.MAX_VALUE, m.currentRows());
        Map<String, DriftRequest.RawFeature> current = currentSample(rows);
        if (current.isEmpty()) {
            throw new BallastException(ErrorCode.INVALID_STATE, served.label() + " has no captured inputs yet; serve it first.");
        }
        List<String> numeric = datasets.version(reference.dataset(), reference.version()).profile().columns().stream()
                .filter(c -> c.type().numeric()).map(c -> c.name()).toList();
        List<String> features = current.keySet().stream().filter(numeric::contains).toList();
        if (features.isEmpty()) {
            throw new BallastException(ErrorCode.INVALID_STATE, "No served feature of " + served.label() + " " + current.keySet()
                    + " is a numeric column of the reference dataset " + reference.dataset() + " " + numeric + ".");
        }
        DriftCheck result = drift.check(new DriftRequest(reference, new DriftRequest.Samples(current), m.settings(), features));
        metrics.record(m, result.report());
        String report = write(DriftReportView.DriftResponse.of(result));
        MonitorStore.StoredCheck check = new MonitorStore.StoredCheck(0, id, clock.millis(), served.version(),
                result.report().verdict().id(), result.report().driftedShare(), rows.size(), report, null, null);
        long checkId = store.insertCheck(check);
        RetrainingTrigger.Decision decision = retraining.onCheck(m, checkId, result.report().verdict() == DriftVerdict.DRIFT,
                result.report().driftedShare());
        return new MonitorStore.StoredCheck(checkId, check.monitorId(), check.checkedAt(), check.modelVersion(), check.verdict(),
                check.driftedShare(), check.currentRows(), check.reportJson(), decision.workflowId(), decision.note());
    }

    /** The pinned dataset version, or the dataset version the served version's run trained on. */
    private DriftRequest.DatasetRef reference(DriftMonitor m, ModelVersion served) {
        if (m.referenceDataset() != null) {
            return new DriftRequest.DatasetRef(m.referenceDataset(), m.referenceVersion());
        }
        DatasetLineage.InputUse chosen = trainingData.of(served).orElseThrow(() -> new BallastException(ErrorCode.INVALID_STATE,
                served.label() + " has no Ballast dataset version in its lineage (no run, or its run used none);"
                        + " pin a reference dataset version on the monitor."));
        return new DriftRequest.DatasetRef(chosen.version().dataset(), chosen.version().commitId());
    }

    /** The captured inputs per feature, as the drift statistics read samples. */
    private static Map<String, DriftRequest.RawFeature> currentSample(List<CapturedPrediction> rows) {
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, long[]> missing = new LinkedHashMap<>();
        for (CapturedPrediction p : rows) {
            p.inputs().forEach((feature, v) -> {
                double[] arr = values.computeIfAbsent(feature, f -> new double[rows.size()]);
                int[] n = counts.computeIfAbsent(feature, f -> new int[1]);
                if (v == null || !Double.isFinite(v)) {
                    missing.computeIfAbsent(feature, f -> new long[1])[0]++;
                } else {
                    arr[n[0]++] = v;
                }
            });
        }
        Map<String, DriftRequest.RawFeature> out = new LinkedHashMap<>();
        values.forEach((f, arr) -> out.put(f, new DriftRequest.NumericValues(arr, counts.get(f)[0],
                missing.getOrDefault(f, new long[1])[0])));
        return out;
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
