package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.serde.annotation.Serdeable;

/** A column whose inferred type differs between two versions. */
@Serdeable
public record TypeChange(String column, ColumnType from, ColumnType to) {
}
