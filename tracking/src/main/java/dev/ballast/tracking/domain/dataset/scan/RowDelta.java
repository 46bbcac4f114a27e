package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Row changes with multiset semantics on row hashes: a row present k times before and m times after counts
 * min(k, m) times as unchanged; moving rows around changes nothing. An edited row counts as one removed and one added.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RowDelta(long fromRows, long toRows, long added, long removed, long unchanged) {
}
