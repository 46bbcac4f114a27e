package dev.ballast.tracking.domain.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Accumulates SQL text and its bind values side by side, so a placeholder can only be written
 * together with its value and the values stay in the order of their placeholders.
 */
public final class SqlBuilder {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** Appends SQL text written in this package (never user input). */
    public SqlBuilder sql(String fragment) {
        sql.append(fragment);
        return this;
    }

    /** Appends a {@code ?} bound to {@code value}, which must be a Long, Double or String. */
    public SqlBuilder bind(Object value) {
        Objects.requireNonNull(value, "value");
        if (!(value instanceof Long || value instanceof Double || value instanceof String)) {
            throw new IllegalArgumentException("unsupported bind type " + value.getClass().getName());
        }
        sql.append('?');
        params.add(value);
        return this;
    }

    /** Appends {@code ?, ?, ?} bound to the values. */
    public SqlBuilder bindAll(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            bind(values.get(i));
        }
        return this;
    }

    /** Appends another builder's text and values. */
    public SqlBuilder append(SqlBuilder other) {
        sql.append(other.sql);
        params.addAll(other.params);
        return this;
    }

    public SqlQuery toQuery() {
        return new SqlQuery(sql.toString(), params);
    }
}
