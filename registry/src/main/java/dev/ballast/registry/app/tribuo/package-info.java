/**
 * Ballast models: Tribuo 4.3 models logged with a {@code ballast-model.json} descriptor. Loading
 * (protobuf only, size-limited), checking a model against its descriptor, and predicting one
 * example; the registry records what the inspector finds with a version and serving reuses the
 * loader and predictor.
 */
package dev.ballast.registry.app.tribuo;
