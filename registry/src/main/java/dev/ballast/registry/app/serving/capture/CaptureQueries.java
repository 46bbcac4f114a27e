package dev.ballast.registry.app.serving.capture;

import dev.ballast.registry.domain.serving.CapturedPrediction;
import dev.ballast.core.error.BallastException;
import dev.ballast.registry.domain.serving.CaptureStore;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * What operators may read about capture: a model's recent captured predictions (to check what a
 * model is being sent before trusting a drift report) and capture's own counts.
 */
@Singleton
public class CaptureQueries {
    public static final int MAX_RESULTS = 1000;

    private final CaptureStore store;
    private final PredictionCapture capture;

    public CaptureQueries(CaptureStore store, PredictionCapture capture) {
        this.store = store;
        this.capture = capture;
    }

    /**
     * Captured predictions of the model (one version's, or the primary ones of every version) in
     * {@code [since, until)}, newest first. A model without captures answers an empty list.
     */
    public List<CapturedPrediction> recent(String model, @Nullable Integer version, long since, long until, int maxResults) {
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw BallastException.invalid("'max_results' must be between 1 and " + MAX_RESULTS + ".");
        }
        if (version != null && version < 1) {
            throw BallastException.invalid("'version' must be a positive version number, got " + version + ".");
        }
        if (since > until) {
            throw BallastException.invalid("'since' (" + since + ") must not be after 'until' (" + until + ").");
        }
        return store.window(model, version, since, until, maxResults);
    }

    public CaptureStats stats() {
        return capture.stats();
    }

    public boolean enabled() {
        return capture.enabled();
    }
}
