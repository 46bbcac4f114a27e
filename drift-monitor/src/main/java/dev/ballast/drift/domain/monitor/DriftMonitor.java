package dev.ballast.drift.domain.monitor;

import dev.ballast.drift.domain.DriftSettings;
import io.micronaut.core.annotation.Nullable;

/**
 * A drift monitor of a served model: compares the inputs the version behind {@code alias} was
 * recently served (the last {@code currentRows} captured rows) with a reference, feature by
 * feature.
 *
 * @param referenceDataset a pinned reference dataset, or null for the training data recorded in
 *                         the served version's lineage
 * @param scheduleSeconds  seconds between scheduled checks, null when checks run only on demand
 */
public record DriftMonitor(long id, String model, String alias, @Nullable String referenceDataset, @Nullable String referenceVersion,
                           int currentRows, DriftSettings settings, @Nullable Integer scheduleSeconds, String createdBy,
                           long createdAt) {
}
