/** The persistent, cluster-safe scheduler shared by drift checks and retraining workflows. */
package dev.ballast.drift.app.scheduling;
