package dev.ballast.registry.domain.serving;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Where captured predictions are kept: written in batches by the capture writer, read by drift
 * monitors (a model's, or one version's, inputs over a time window) and the operators' captures API.
 *
 * <p>Which rows a read sees: with a {@code version}, every prediction that version made, also as a
 * shadow (they are what that version was given); without one, the primary predictions of every
 * version, so each served row counts once (a shadow repeats its primary's inputs).
 */
public interface CaptureStore {

    /** Inserts the predictions in one transaction: all of them or, on an error, none. */
    void insertBatch(List<CapturedPrediction> predictions);

    /**
     * Predictions captured in {@code [fromInclusive, toExclusive)} (epoch ms), newest first, at most
     * {@code limit} of them (the newest when the window holds more).
     */
    List<CapturedPrediction> window(String model, @Nullable Integer version, long fromInclusive, long toExclusive, int limit);

    /**
     * The inputs of the predictions {@link #window} would answer, as columns (newest row first). This default builds
     * them from {@link #window}; a store over a database streams them in one query instead, without a map per row.
     */
    default CapturedInputs inputs(String model, @Nullable Integer version, long fromInclusive, long toExclusive, int limit) {
        List<CapturedPrediction> rows = window(model, version, fromInclusive, toExclusive, limit);
        CapturedInputs.Builder columns = new CapturedInputs.Builder(rows.size());
        for (CapturedPrediction p : rows) {
            columns.startRow();
            p.inputs().forEach((feature, v) -> {
                if (v == null) {
                    columns.missing(feature);
                } else {
                    columns.value(feature, v);
                }
            });
        }
        return columns.build();
    }

    /** How many predictions {@link #window} would see in {@code [from, to)} without a limit. */
    long count(String model, @Nullable Integer version, long from, long to);
}
