package dev.ballast.drift.domain;

import java.util.Locale;

/** How a KS p-value was computed; reported with every result because the two differ for the same statistic. */
public enum KsMethod {
    /** The exact permutation distribution of D for these two sample sizes (assumes no ties). */
    EXACT,
    /** The Kolmogorov distribution of D for the effective size {@code round(n * m / (n + m))}. */
    ASYMPTOTIC;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
