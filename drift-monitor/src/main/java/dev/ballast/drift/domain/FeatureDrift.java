package dev.ballast.drift.domain;

import io.micronaut.core.annotation.Nullable;

/**
 * The result for one feature. Test, statistic, p-value and method are absent when the feature was not tested
 * (insufficient data); the adjusted p-value is the one the verdict compares with alpha.
 *
 * @param test             {@code ks} for numeric features, {@code chi_square} for categorical ones
 * @param statistic        D for KS, the chi-square statistic otherwise
 * @param method           {@code exact} or {@code asymptotic} for KS, {@code asymptotic} for chi-square
 * @param degreesOfFreedom for chi-square only
 * @param psi              Population Stability Index (effect size)
 */
public record FeatureDrift(String feature, String test, DriftVerdict verdict, long referenceSize, long currentSize,
                           long referenceDropped, long currentDropped, @Nullable Double statistic, @Nullable Double pValue,
                           @Nullable Double adjustedPValue, @Nullable String method, @Nullable Integer degreesOfFreedom,
                           @Nullable Double psi) {

    FeatureDrift adjusted(double adjusted, double alpha) {
        return new FeatureDrift(feature, test, adjusted <= alpha ? DriftVerdict.DRIFT : DriftVerdict.NO_DRIFT, referenceSize,
                currentSize, referenceDropped, currentDropped, statistic, pValue, adjusted, method, degreesOfFreedom, psi);
    }
}
