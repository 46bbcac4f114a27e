package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What changed between two versions of a dataset: rows, schema, and the statistics of the columns both have. */
@Serdeable
public record DatasetDiff(RowDelta rows, SchemaDelta schema, List<ColumnDelta> columns) {
    public DatasetDiff {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
