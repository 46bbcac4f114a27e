package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** Columns added (in the new version's order), removed (in the old version's order) and retyped. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record SchemaDelta(List<String> addedColumns, List<String> removedColumns, List<TypeChange> typeChanges) {
    public SchemaDelta {
        addedColumns = addedColumns == null ? List.of() : List.copyOf(addedColumns);
        removedColumns = removedColumns == null ? List.of() : List.copyOf(removedColumns);
        typeChanges = typeChanges == null ? List.of() : List.copyOf(typeChanges);
    }
}
