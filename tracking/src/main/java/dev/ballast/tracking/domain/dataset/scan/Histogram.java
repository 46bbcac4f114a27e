package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Equal-width histogram of a numeric column, as {@code numpy.histogram(values, bins)} computes it: {@code edges}
 * has one entry more than {@code counts}, every bin is half-open except the last, which is closed.
 */
@Serdeable
public record Histogram(List<Double> edges, List<Long> counts) {
    public Histogram {
        edges = edges == null ? List.of() : List.copyOf(edges);
        counts = counts == null ? List.of() : List.copyOf(counts);
    }
}
