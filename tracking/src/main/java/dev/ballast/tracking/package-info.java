/** Experiments, runs, metrics, artifacts, dataset versions and lineage; the MLflow tracking API. */
package dev.ballast.tracking;
