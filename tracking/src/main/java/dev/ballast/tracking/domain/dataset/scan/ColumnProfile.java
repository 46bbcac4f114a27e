package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The profile of one column. {@code count} is the number of present (non-missing) values; for a numeric column it
 * leaves out the infinite values, which {@link NumericStats#infinite()} counts. {@code numeric} is set for INTEGER and
 * DOUBLE columns with at least one finite value, {@code categorical} for BOOLEAN and STRING columns.
 */
@Serdeable
public record ColumnProfile(String name, int index, ColumnType type, long count, long missing,
                            @Nullable NumericStats numeric, @Nullable CategoricalStats categorical) {
}
