package dev.ballast.drift.app.monitor;

import dev.ballast.drift.domain.FeatureHistogram;
import io.micronaut.serde.annotation.Serdeable;

/** One feature's reference and current histograms as a check stores and the API answers them (see {@link FeatureHistogram}). */
@Serdeable
public record HistogramView(String feature, double[] edges, long[] reference, long[] current) {
    static HistogramView of(FeatureHistogram h) {
        return new HistogramView(h.feature(), h.edges(), h.reference(), h.current());
    }
}
