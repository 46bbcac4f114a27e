/**
 * Capture of served predictions for drift monitoring:
 * {@link dev.ballast.registry.app.serving.capture.PredictionCapture} samples rows on the request
 * thread into a bounded queue and writes them in batches on a thread of its own, dropping (and
 * counting) what does not fit rather than slowing a prediction.
 */
package dev.ballast.registry.app.serving.capture;
