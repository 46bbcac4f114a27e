package dev.ballast.drift.domain.monitor;

import dev.ballast.drift.domain.DriftSettings;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A drift monitor of a served model: compares the inputs recently served by the version behind {@code alias} (the
 * {@link CurrentWindow}) with a {@link MonitorReference}, feature by feature, on demand or on a schedule.
 *
 * @param features the features to test, or null for every numeric served input that the reference also has
 * @param schedule when checks run by themselves, null when they run only on demand
 * @param enabled  false while paused: scheduled checks stop, on-demand checks still run
 */
public record DriftMonitor(long id, String model, String alias, MonitorReference reference, CurrentWindow current,
                           @Nullable List<String> features, DriftSettings settings, @Nullable CheckSchedule schedule,
                           boolean enabled, String createdBy, long createdAt, long updatedAt) {
    public DriftMonitor {
        features = features == null ? null : List.copyOf(features);
    }

    /** Whether the scheduler should hold an execution for this monitor. */
    public boolean scheduled() {
        return enabled && schedule != null;
    }
}
