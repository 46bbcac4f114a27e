/**
 * JDBC adapter of {@link dev.ballast.registry.domain.serving.CaptureStore}: captured predictions
 * in {@code served_predictions}, inputs and output as JSON text.
 */
package dev.ballast.registry.store.serving;
