package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Optional;

/** What a scan learnt about a dataset version: the number of data rows and a profile per column, in column order. */
@Serdeable
public record DatasetProfile(long rows, List<ColumnProfile> columns) {
    public DatasetProfile {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** The column of that name, if any. */
    public Optional<ColumnProfile> column(String name) {
        for (ColumnProfile c : columns) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The column names in column order. */
    public List<String> columnNames() {
        return columns.stream().map(ColumnProfile::name).toList();
    }
}
