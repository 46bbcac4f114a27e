package dev.ballast.drift.app;

import dev.ballast.drift.domain.DriftReport;
import dev.ballast.drift.domain.FeaturePair;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The answer of a check: the report, the samples that were tested (monitors draw their histograms from them) and,
 * for a side read from a dataset, the version that was read.
 */
public record DriftCheck(DriftReport report, List<FeaturePair> samples, @Nullable DatasetVersion reference,
                         @Nullable DatasetVersion current) {
}
