package dev.ballast.drift.app.monitor;

import dev.ballast.drift.domain.DriftReport;
import dev.ballast.drift.domain.DriftVerdict;
import dev.ballast.drift.domain.FeatureDrift;
import dev.ballast.drift.domain.monitor.DriftMonitor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest drift check of each monitor in Prometheus: {@code ballast_drift_statistic} and
 * {@code ballast_drift_p_value} per model and feature (KS D or chi-square, and the adjusted
 * p-value), {@code ballast_drift_detected} per monitor (1 when the dataset-level verdict was
 * drift). Gauges hold the last value this replica computed; a feature the latest check no longer
 * tests, and every gauge of a deleted monitor, is removed so Prometheus does not keep stale series.
 */
@Singleton
public class DriftMetrics {
    private final MeterRegistry registry;
    private final Map<Long, Map<String, Held>> byMonitor = new ConcurrentHashMap<>();

    private record Held(AtomicReference<Double> value, Gauge gauge) {
    }

    public DriftMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry;
    }

    synchronized void record(DriftMonitor monitor, DriftReport report) {
        if (registry == null) {
            return;
        }
        Map<String, Held> held = byMonitor.computeIfAbsent(monitor.id(), k -> new ConcurrentHashMap<>());
        Set<String> seen = new HashSet<>();
        for (FeatureDrift f : report.features()) {
            seen.add(set(held, "ballast_drift_statistic", "The latest drift statistic of a served feature (KS D, or chi-square)", monitor,
                    f.feature(), f.statistic()));
            seen.add(set(held, "ballast_drift_p_value", "The latest adjusted p-value of a served feature's drift test", monitor,
                    f.feature(), f.adjustedPValue()));
        }
        seen.add(set(held, "ballast_drift_detected", "1 when a monitor's latest check found dataset-level drift, else 0", monitor, null,
                report.verdict() == DriftVerdict.DRIFT ? 1.0 : 0.0));
        held.entrySet().removeIf(e -> {
            if (seen.contains(e.getKey())) {
                return false;
            }
            registry.remove(e.getValue().gauge());
            return true;
        });
    }

    /** Removes every gauge of a deleted monitor. */
    synchronized void forget(long monitorId) {
        Map<String, Held> held = byMonitor.remove(monitorId);
        if (held != null && registry != null) {
            held.values().forEach(h -> registry.remove(h.gauge()));
        }
    }

    private String set(Map<String, Held> held, String name, String help, DriftMonitor monitor, @Nullable String feature,
                       @Nullable Double value) {
        String key = name + "|" + feature;
        Held h = held.computeIfAbsent(key, k -> {
            AtomicReference<Double> ref = new AtomicReference<>(Double.NaN);
            Gauge.Builder<AtomicReference<Double>> b = Gauge.builder(name, ref, r -> r.get()).description(help)
                    .tag("model", monitor.model()).tag("monitor", String.valueOf(monitor.id()));
            if (feature != null) {
                b.tag("feature", feature);
            }
            return new Held(ref, b.register(registry));
        });
        h.value().set(value == null ? Double.NaN : value);
        return key;
    }
}
