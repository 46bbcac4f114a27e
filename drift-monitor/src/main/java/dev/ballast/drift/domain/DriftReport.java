package dev.ballast.drift.domain;

import java.util.List;

/**
 * The answer of a check over several features: the verdict per feature and for the dataset. The dataset drifted when
 * {@code drifted / tested >= threshold}; with no tested feature it is {@code INSUFFICIENT_DATA}.
 *
 * @param driftedShare {@code drifted / tested}, 0 when nothing was tested
 */
public record DriftReport(DriftVerdict verdict, double driftedShare, int drifted, int tested, int insufficient,
                          DriftSettings settings, List<FeatureDrift> features) {
}
