package dev.ballast.drift.app.monitor;

import dev.ballast.drift.domain.monitor.DriftMonitor;
import dev.ballast.drift.domain.monitor.LatestChecks;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Every monitor with its newest check, for a list that shows how each monitored model is doing
 * at a glance. Two queries whatever the number of monitors.
 */
@Singleton
public class MonitorOverview {
    private final MonitorService monitors;
    private final LatestChecks latest;

    public MonitorOverview(MonitorService monitors, LatestChecks latest) {
        this.monitors = monitors;
        this.latest = latest;
    }

    /** A monitor and its newest check (null before its first check). */
    public record Entry(DriftMonitor monitor, @Nullable LatestChecks.Latest latest) {
    }

    /** Monitors (of {@code model}, or all when null) by id, each with its newest check. */
    public List<Entry> list(@Nullable String model) {
        List<DriftMonitor> all = monitors.list(model);
        Map<Long, LatestChecks.Latest> newest = latest.of(all.stream().map(DriftMonitor::id).toList());
        return all.stream().map(m -> new Entry(m, newest.get(m.id()))).toList();
    }
}
