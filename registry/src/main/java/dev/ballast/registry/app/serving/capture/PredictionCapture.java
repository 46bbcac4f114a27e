package dev.ballast.registry.app.serving.capture;

import jakarta.inject.Singleton;

/** TEMPORARY STUB (replaced by helper/capture). */
@Singleton
public class PredictionCapture {
    public void offer(CapturedPrediction p) {
    }
}
