package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exact statistics of the finite values of a numeric column. {@code std} is the sample standard deviation
 * (ddof=1), null below two values; {@code infinite} counts the infinite values, which are left out of every
 * other figure; quantiles are keyed {@code p1, p5, p25, p50, p75, p95, p99} and interpolated like numpy's
 * default ('linear') method.
 */
@Serdeable
public record NumericStats(double mean, @Nullable Double std, double min, double max, long infinite,
                           Map<String, Double> quantiles, Histogram histogram) {
    public NumericStats {
        quantiles = quantiles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(quantiles));
    }
}
