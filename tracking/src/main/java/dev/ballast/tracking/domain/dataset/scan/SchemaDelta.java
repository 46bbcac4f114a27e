package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Columns added (in the new version's order), removed (in the old version's order) and retyped. */
@Serdeable
public record SchemaDelta(List<String> addedColumns, List<String> removedColumns, List<TypeChange> typeChanges) {
    public SchemaDelta {
        addedColumns = List.copyOf(addedColumns);
        removedColumns = List.copyOf(removedColumns);
        typeChanges = List.copyOf(typeChanges);
    }
}
