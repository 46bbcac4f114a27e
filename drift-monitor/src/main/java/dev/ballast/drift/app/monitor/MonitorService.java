package dev.ballast.drift.app.monitor;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.drift.app.DriftCheck;
import dev.ballast.drift.app.DriftReportView;
import dev.ballast.drift.app.DriftRequest;
import dev.ballast.drift.app.DriftService;
import dev.ballast.drift.app.workflow.RetrainingTrigger;
import dev.ballast.drift.domain.Correction;
import dev.ballast.drift.domain.DriftSettings;
import dev.ballast.drift.domain.DriftVerdict;
import dev.ballast.drift.domain.FeatureHistogram;
import dev.ballast.drift.domain.FeaturePair;
import dev.ballast.drift.domain.FeatureSample;
import dev.ballast.drift.domain.monitor.CheckSchedule;
import dev.ballast.drift.domain.monitor.CurrentWindow;
import dev.ballast.drift.domain.monitor.DriftMonitor;
import dev.ballast.drift.domain.monitor.MonitorReference;
import dev.ballast.drift.domain.monitor.MonitorStore;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegistryNames;
import dev.ballast.registry.domain.serving.CaptureStore;
import dev.ballast.registry.domain.serving.CapturedInputs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Drift monitors of served models: their settings and their checks. A check compares the captured inputs of the
 * version behind the monitor's alias (the newest rows, optionally of a recent time window) with the monitor's
 * reference, using the statistics of {@link DriftService}, and stores the report, the reference and current
 * histograms of each numeric feature and each feature's row of the time series. Checks run on demand here and on
 * schedules through {@link MonitorScheduler}, which follows every change made here.
 */
@Singleton
public class MonitorService {
    public static final int MAX_CURRENT_ROWS = MonitorRules.MAX_CURRENT_ROWS;
    private static final String DEFAULT_ALIAS = "champion";

    private final MonitorStore store;
    private final RegistryService registry;
    private final CaptureStore captures;
    private final DriftService drift;
    private final MonitorReferences references;
    private final ServedFeatures served;
    private final DriftMetrics metrics;
    private final MonitorScheduler scheduler;
    private final RetrainingTrigger retraining;
    private final ObjectMapper json;
    private final Clock clock;

    public MonitorService(MonitorStore store, RegistryService registry, CaptureStore captures, DriftService drift,
                          MonitorReferences references, ServedFeatures served, DriftMetrics metrics, MonitorScheduler scheduler,
                          RetrainingTrigger retraining, ObjectMapper json, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.captures = captures;
        this.drift = drift;
        this.references = references;
        this.served = served;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.retraining = retraining;
        this.json = json;
        this.clock = clock;
    }

    public DriftMonitor create(Actor actor, NewMonitor m) {
        registry.getModel(m.model());
        String alias = m.alias() == null || m.alias().isBlank() ? DEFAULT_ALIAS : RegistryNames.requireAlias(m.alias());
        long now = clock.millis();
        MonitorReference reference = reference(m, alias, now);
        int rows = m.currentRows() != null ? m.currentRows()
                : m.currentWindowSeconds() != null ? MonitorRules.MAX_CURRENT_ROWS : MonitorRules.DEFAULT_CURRENT_ROWS;
        CurrentWindow current = MonitorRules.current(rows, m.currentWindowSeconds());
        List<String> features = MonitorRules.features(m.features());
        CheckSchedule schedule = MonitorRules.schedule(m.scheduleSeconds(), m.scheduleCron(), Instant.ofEpochMilli(now));
        if (features != null) {
            requireFeatures(m.model(), alias, reference, features);
        }
        long id = store.insert(new DriftMonitor(0, m.model(), alias, reference, current, features, m.settings(), schedule,
                m.enabled() == null || m.enabled(), actor.username(), now, now));
        DriftMonitor created = get(id);
        if (created.scheduled()) {
            scheduler.sync(created);
        }
        return created;
    }

    public DriftMonitor get(long id) {
        return store.find(id).orElseThrow(() -> BallastException.notFound("Drift monitor " + id + " not found."));
    }

    public List<DriftMonitor> list(@Nullable String model) {
        return store.list(model);
    }

    /** When the monitor's next scheduled check is due; empty when it has none (no schedule, or paused). */
    public Optional<Instant> nextCheck(long id) {
        return scheduler.nextRun(id);
    }

    /** Changes settings, schedule or the enabled flag; the scheduled execution follows at once. */
    public DriftMonitor update(Actor actor, long id, MonitorPatch p) {
        DriftMonitor m = get(id);
        long now = clock.millis();
        int rows = p.currentRows() == null ? m.current().rows() : required(p.currentRows(), "current_rows");
        Integer seconds = p.currentWindowSeconds() == null ? m.current().seconds() : p.currentWindowSeconds().value();
        CurrentWindow current = MonitorRules.current(rows, seconds);
        List<String> features = p.features() == null ? m.features() : MonitorRules.features(p.features().value());
        DriftSettings s = m.settings();
        DriftSettings settings = new DriftSettings(
                p.alpha() == null ? s.alpha() : required(p.alpha(), "alpha"),
                p.correction() == null ? s.correction() : Correction.parse(required(p.correction(), "correction")),
                p.threshold() == null ? s.threshold() : required(p.threshold(), "threshold"),
                p.minSamples() == null ? s.minSamples() : required(p.minSamples(), "min_samples"), s.psiBins());
        CheckSchedule schedule = schedule(m, p, now);
        boolean enabled = p.enabled() == null ? m.enabled() : required(p.enabled(), "enabled");
        if (features != null && !features.equals(m.features())) {
            requireFeatures(m.model(), m.alias(), m.reference(), features);
        }
        DriftMonitor updated = new DriftMonitor(m.id(), m.model(), m.alias(), m.reference(), current, features, settings, schedule, enabled,
                m.createdBy(), m.createdAt(), now);
        store.update(updated);
        if (updated.scheduled() != m.scheduled() || !Objects.equals(updated.schedule(), m.schedule())) {
            scheduler.sync(updated);
        }
        return get(id);
    }

    /** Deletes the monitor, its checks and its gauges, and cancels its scheduled execution. */
    public void delete(Actor actor, long id) {
        get(id);
        scheduler.unschedule(id); // first: it waits for a running scheduled check, whose gauges forget() then removes
        store.delete(id);
        metrics.forget(id);
    }

    public List<MonitorStore.StoredCheck> checks(long id, int limit) {
        get(id);
        return store.checks(id, limit);
    }

    public MonitorStore.CheckDetail check(long id, long checkId) {
        get(id);
        return store.check(id, checkId).orElseThrow(() -> BallastException.notFound("Drift monitor " + id + " has no check " + checkId
                + "."));
    }

    /** One feature's results in the monitor's newest {@code limit} checks, oldest first (the order a chart draws them in). */
    public List<MonitorStore.SeriesPoint> series(long id, String feature, int limit) {
        get(id);
        List<MonitorStore.SeriesPoint> newestFirst = new ArrayList<>(store.series(id, feature, limit));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Runs one check now and stores its result. */
    public MonitorStore.StoredCheck check(long id) {
        DriftMonitor m = get(id);
        ModelVersion servedVersion = registry.versionByAlias(m.model(), m.alias());
        List<String> inputs = served.numeric(servedVersion);
        CapturedInputs current = captures.inputs(m.model(), servedVersion.version(), m.current().from(clock.millis()), Long.MAX_VALUE,
                m.current().rows());
        MonitorReferences.Resolved reference = references.resolve(m, servedVersion);
        List<String> features = features(m, inputs, servedVersion, reference);
        Map<String, DriftRequest.RawFeature> sample = new LinkedHashMap<>();
        for (String f : features) {
            double[] values = current.values(f);
            sample.put(f, values == null ? new DriftRequest.NumericValues(new double[0], 0, current.rows())
                    : new DriftRequest.NumericValues(values, current.rows(), 0));
        }
        DriftCheck result = drift.check(new DriftRequest(reference.side(), new DriftRequest.Samples(sample), m.settings(), features));
        MonitorStore.StoredCheck check = new MonitorStore.StoredCheck(0, id, clock.millis(), servedVersion.version(),
                result.report().verdict().id(), result.report().driftedShare(), current.rows(),
                write(DriftReportView.DriftResponse.of(result)), null, null);
        long checkId = store.insertCheck(check, result.report().features(), write(histograms(result)));
        metrics.record(m, result.report());
        RetrainingTrigger.Decision decision = retraining.onCheck(m, checkId, result.report().verdict() == DriftVerdict.DRIFT,
                result.report().driftedShare());
        return new MonitorStore.StoredCheck(checkId, check.monitorId(), check.checkedAt(), check.modelVersion(), check.verdict(),
                check.driftedShare(), check.currentRows(), check.reportJson(), decision.workflowId(), decision.note());
    }

    /** The monitor's features, or every numeric served input the reference also has (in the served order). */
    private static List<String> features(DriftMonitor m, List<String> inputs, ModelVersion servedVersion,
                                         MonitorReferences.Resolved reference) {
        if (m.features() != null) {
            checkFeatures(m.features(), inputs, servedVersion, reference.features(), reference.label(), ErrorCode.INVALID_STATE);
            return m.features();
        }
        List<String> both = inputs.stream().filter(reference.features()::contains).toList();
        if (both.isEmpty()) {
            throw new BallastException(ErrorCode.INVALID_STATE, "No numeric input of " + servedVersion.label() + " " + inputs
                    + " is a numeric feature of the reference, " + reference.label() + " " + reference.features() + ".");
        }
        return both;
    }

    private static List<HistogramView> histograms(DriftCheck result) {
        List<HistogramView> out = new ArrayList<>();
        for (FeaturePair pair : result.samples()) {
            if (pair.reference() instanceof FeatureSample.Numeric r && pair.current() instanceof FeatureSample.Numeric c) {
                FeatureHistogram h = FeatureHistogram.of(pair.feature(), r.sorted(), c.sorted(), FeatureHistogram.BINS);
                if (h != null) {
                    out.add(HistogramView.of(h));
                }
            }
        }
        return out;
    }

    /** The reference a new monitor asks for: at most one kind, each checked now (a 400 naming the problem). */
    private MonitorReference reference(NewMonitor m, String alias, long now) {
        boolean pinned = m.referenceDataset() != null || m.referenceVersion() != null;
        boolean window = m.referenceWindowFrom() != null || m.referenceWindowTo() != null || m.referenceWindowVersion() != null;
        if (pinned && window) {
            throw BallastException.invalid("Give one reference: a pinned dataset version ('reference_dataset' with 'reference_version'),"
                    + " a frozen window of captured inputs ('reference_window_from' and 'reference_window_to', optionally"
                    + " 'reference_window_version'), or neither for the training data in the served version's lineage.");
        }
        if (pinned) {
            if (m.referenceDataset() == null || m.referenceVersion() == null) {
                throw BallastException.invalid("Pin a reference with both 'reference_dataset' and 'reference_version', or give neither"
                        + " to use the training data in the served version's lineage.");
            }
            MonitorReference.PinnedDataset d = new MonitorReference.PinnedDataset(m.referenceDataset(), m.referenceVersion());
            try {
                references.describe(m.model(), d, null);
            } catch (BallastException e) {
                throw e.code() == ErrorCode.RESOURCE_DOES_NOT_EXIST ? BallastException.invalid(e.getMessage()) : e;
            }
            return d;
        }
        if (window) {
            return window(m, alias, now);
        }
        return new MonitorReference.Lineage();
    }

    private MonitorReference.FrozenWindow window(NewMonitor m, String alias, long now) {
        Long from = m.referenceWindowFrom();
        Long to = m.referenceWindowTo();
        if (from == null || to == null) {
            throw BallastException.invalid("A frozen-window reference needs both 'reference_window_from' and 'reference_window_to'"
                    + " (epoch milliseconds).");
        }
        if (from < 0 || from >= to) {
            throw BallastException.invalid("'reference_window_from' (" + from + ") must be at least 0 and before 'reference_window_to' ("
                    + to + ").");
        }
        if (to > now) {
            throw BallastException.invalid("'reference_window_to' (" + to + ") is in the future (now " + now + "): a reference window"
                    + " must be over, so that it does not move.");
        }
        int version;
        if (m.referenceWindowVersion() != null) {
            version = m.referenceWindowVersion();
            if (version < 1) {
                throw BallastException.invalid("'reference_window_version' must be a positive version number, got " + version + ".");
            }
            try {
                registry.getVersion(m.model(), String.valueOf(version));
            } catch (BallastException e) {
                throw e.code() == ErrorCode.RESOURCE_DOES_NOT_EXIST ? BallastException.invalid(e.getMessage()) : e;
            }
        } else {
            try {
                version = registry.versionByAlias(m.model(), alias).version();
            } catch (BallastException e) {
                if (e.code() != ErrorCode.RESOURCE_DOES_NOT_EXIST) {
                    throw e;
                }
                throw BallastException.invalid("Alias '" + alias + "' of " + m.model() + " points to no version, so the reference window"
                        + " has no default version: give 'reference_window_version'.");
            }
        }
        MonitorReference.FrozenWindow w = new MonitorReference.FrozenWindow(version, from, to);
        if (captures.count(m.model(), version, from, to) == 0) {
            throw BallastException.invalid("The reference window holds no " + MonitorReferences.windowLabel(m.model(), w)
                    + ": choose a window in which that version was served (and its inputs captured).");
        }
        return w;
    }

    /** A monitor's explicit features must be numeric inputs of the served version and numeric in the reference. */
    private void requireFeatures(String model, String alias, MonitorReference reference, List<String> features) {
        ModelVersion servedVersion;
        try {
            servedVersion = registry.versionByAlias(model, alias);
        } catch (BallastException e) {
            if (e.code() != ErrorCode.RESOURCE_DOES_NOT_EXIST) {
                throw e;
            }
            throw BallastException.invalid("'features' cannot be checked: alias '" + alias + "' of " + model + " points to no version."
                    + " Leave 'features' out (every numeric input is tested) or promote a version first.");
        }
        MonitorReferences.Described ref = references.describe(model, reference, servedVersion);
        checkFeatures(features, served.numeric(servedVersion), servedVersion, ref.features(), ref.label(),
                ErrorCode.INVALID_PARAMETER_VALUE);
    }

    private static void checkFeatures(List<String> features, List<String> inputs, ModelVersion servedVersion, List<String> reference,
                                      String referenceLabel, ErrorCode code) {
        for (String f : features) {
            if (!inputs.contains(f)) {
                throw new BallastException(code, "Feature '" + f + "' is not a numeric input of " + servedVersion.label() + " (its inputs: "
                        + inputs + ").");
            }
            if (!reference.contains(f)) {
                throw new BallastException(code, "Feature '" + f + "' is not numeric in the reference, " + referenceLabel + " (its numeric"
                        + " features: " + reference + ").");
            }
        }
    }

    /** The schedule after a change: a value replaces the schedule; a null only clears the kind it names. */
    private static CheckSchedule schedule(DriftMonitor m, MonitorPatch p, long now) {
        if (p.scheduleSeconds() == null && p.scheduleCron() == null) {
            return m.schedule();
        }
        Integer seconds = p.scheduleSeconds() == null ? null : p.scheduleSeconds().value();
        String cron = p.scheduleCron() == null ? null : p.scheduleCron().value();
        if (seconds != null || cron != null) {
            return MonitorRules.schedule(seconds, cron, Instant.ofEpochMilli(now));
        }
        boolean clearsInterval = p.scheduleSeconds() != null && m.schedule() instanceof CheckSchedule.Interval;
        boolean clearsCron = p.scheduleCron() != null && m.schedule() instanceof CheckSchedule.Cron;
        return clearsInterval || clearsCron ? null : m.schedule();
    }

    private static <T> T required(FieldChange<T> change, String field) {
        if (change.value() == null) {
            throw BallastException.invalid("'" + field + "' cannot be null.");
        }
        return change.value();
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
