package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one column present in both versions changed. {@code stats} keys, in this order: count, missing, missing_rate;
 * then when both sides are numeric mean, std, min, max, p1 ... p99; when both are categorical distinct.
 * {@code ksStatistic} is the two-sample Kolmogorov–Smirnov D between the two value distributions (null unless both
 * sides are numeric with at least one finite value).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ColumnDelta(String column, ColumnType fromType, ColumnType toType, Map<String, StatDelta> stats,
                          @Nullable Double ksStatistic) {
    public ColumnDelta {
        stats = stats == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }
}
