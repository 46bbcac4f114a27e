package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Statistics of a BOOLEAN or STRING column: the number of distinct values (exact, or a HyperLogLog estimate when
 * {@code approximate}) and the most frequent values, most frequent first, ties by value ascending.
 */
@Serdeable
public record CategoricalStats(long distinct, boolean approximate, List<ValueCount> top) {
    public CategoricalStats {
        top = top == null ? List.of() : List.copyOf(top);
    }
}
