package dev.ballast.drift.app;

import dev.ballast.drift.domain.DriftReport;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import io.micronaut.core.annotation.Nullable;

/** The answer of an on-demand check: the report and, for a side read from a dataset, the version that was read. */
public record DriftCheck(DriftReport report, @Nullable DatasetVersion reference, @Nullable DatasetVersion current) {
}
