package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.serde.annotation.Serdeable;

/** One of the most frequent values of a categorical column, with how many rows hold it. */
@Serdeable
public record ValueCount(String value, long count) {
}
