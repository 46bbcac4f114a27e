package dev.ballast.tracking.domain.search;

import java.util.List;
import java.util.Objects;

/**
 * A statement and its bind values, kept together so that user input can only ever reach the
 * database as a parameter.
 *
 * @param sql    SQL text with {@code ?} placeholders; contains no user text
 * @param params the values for the placeholders, in order, each a {@link Long}, {@link Double}
 *               or {@link String}, meant for {@code PreparedStatement.setObject}
 */
public record SqlQuery(String sql, List<Object> params) {
    public SqlQuery {
        Objects.requireNonNull(sql, "sql");
        params = List.copyOf(params);
    }
}
