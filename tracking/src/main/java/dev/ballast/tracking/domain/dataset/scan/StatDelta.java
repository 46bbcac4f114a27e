package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One statistic in both versions and its change ({@code to - from}); null where a side has no value. */
@Serdeable
public record StatDelta(@Nullable Double from, @Nullable Double to, @Nullable Double delta) {

    static StatDelta of(@Nullable Double from, @Nullable Double to) {
        return new StatDelta(from, to, from == null || to == null ? null : to - from);
    }
}
