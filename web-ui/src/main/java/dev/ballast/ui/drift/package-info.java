/**
 * Drift pages of the web UI: the monitors with their latest verdicts, one monitor's checks,
 * per-feature statistic and p-value over time, reference and current histograms of a check, and
 * the retraining workflows drift started, read through drift-monitor's app services.
 */
package dev.ballast.ui.drift;
