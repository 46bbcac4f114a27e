/**
 * Serving's Prometheus series: {@link dev.ballast.registry.app.serving.metrics.ServingMetrics}
 * (requests, latency, batch sizes, errors, shadow agreement per model and version) and
 * {@link dev.ballast.registry.app.serving.metrics.CaptureMeters} (prediction capture's counts).
 */
package dev.ballast.registry.app.serving.metrics;
