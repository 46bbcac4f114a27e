package dev.ballast.drift.app.monitor;

import dev.ballast.drift.domain.DriftSettings;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A new monitor's fields as requested; nulls take the defaults: alias {@code champion}, the lineage reference, the
 * newest 1000 captured rows (1,000,000 when a time window is given), every numeric feature, no schedule, enabled.
 * One reference kind at most: {@code referenceDataset} with {@code referenceVersion}, or the window fields.
 */
public record NewMonitor(String model, @Nullable String alias, @Nullable String referenceDataset, @Nullable String referenceVersion,
                         @Nullable Long referenceWindowFrom, @Nullable Long referenceWindowTo, @Nullable Integer referenceWindowVersion,
                         @Nullable Integer currentRows, @Nullable Integer currentWindowSeconds, @Nullable List<String> features,
                         DriftSettings settings, @Nullable Integer scheduleSeconds, @Nullable String scheduleCron,
                         @Nullable Boolean enabled) {
}
