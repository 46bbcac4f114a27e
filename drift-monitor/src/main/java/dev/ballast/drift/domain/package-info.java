/**
 * The drift statistics, pure Java without Micronaut: two-sample Kolmogorov-Smirnov per numeric feature
 * ({@link dev.ballast.drift.domain.KsTest}), chi-square per categorical feature, Population Stability Index beside them,
 * multiple-testing correction across features and the dataset verdict ({@link dev.ballast.drift.domain.DriftAnalyzer}).
 */
package dev.ballast.drift.domain;
