/**
 * JDBC adapter of {@link dev.ballast.registry.domain.serving.CaptureStore}: captured predictions
 * in {@code served_predictions}, inputs and output as JSON text. Drift checks read the inputs of
 * a window as columns, parsed in parallel batches by a reader of the writer's own JSON shape.
 */
package dev.ballast.registry.store.serving;
