package dev.ballast.drift.domain;

import dev.ballast.core.error.BallastException;

/**
 * How a check decides. A feature drifted when its adjusted p-value is at most {@code alpha}; the dataset drifted when
 * the share of drifted features among the tested ones reaches {@code threshold}; a side with fewer than
 * {@code minSamples} values leaves its feature untested ("insufficient data").
 *
 * @param alpha      significance level, in (0, 1)
 * @param correction multiple-testing correction across the tested features
 * @param threshold  share of drifted features that makes the dataset drifted, in (0, 1]
 * @param minSamples values each side needs before a feature is tested, at least 2 (the KS statistic needs two)
 * @param psiBins    quantile bins of the Population Stability Index, 2 to 1000
 */
public record DriftSettings(double alpha, Correction correction, double threshold, int minSamples, int psiBins) {
    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final int DEFAULT_MIN_SAMPLES = 100;
    public static final int DEFAULT_PSI_BINS = 10;

    public DriftSettings {
        if (!(alpha > 0 && alpha < 1)) {
            throw BallastException.invalid("'alpha' must be between 0 and 1 (exclusive), got " + alpha + ".");
        }
        if (correction == null) {
            throw BallastException.invalid("'correction' is required.");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw BallastException.invalid("'threshold' must be greater than 0 and at most 1, got " + threshold + ".");
        }
        if (minSamples < 2) {
            throw BallastException.invalid("'min_samples' must be at least 2, got " + minSamples + ".");
        }
        if (psiBins < 2 || psiBins > 1000) {
            throw BallastException.invalid("'psi_bins' must be between 2 and 1000, got " + psiBins + ".");
        }
    }

    /** alpha 0.05, Bonferroni, threshold 0.5, 100 values per side, 10 PSI bins. */
    public static DriftSettings defaults() {
        return new DriftSettings(DEFAULT_ALPHA, Correction.BONFERRONI, DEFAULT_THRESHOLD, DEFAULT_MIN_SAMPLES, DEFAULT_PSI_BINS);
    }
}
