package dev.ballast.drift.domain;

/**
 * One two-sample Kolmogorov-Smirnov test: the statistic {@code D}, the two-sided p-value {@code P(D_{n,m} >= d)}, the
 * sample sizes and the method that gave the p-value.
 */
public record KsResult(double statistic, double pValue, int referenceSize, int currentSize, KsMethod method) {
}
