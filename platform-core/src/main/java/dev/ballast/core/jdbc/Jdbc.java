package dev.ballast.core.jdbc;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC with bind parameters, joined to the caller's transaction when there is one.
 *
 * <p>Stores use it instead of generated repositories where the SQL matters (hot paths, batch
 * inserts, queries built from MLflow filters): the SQL stays visible and identical on H2 and
 * PostgreSQL. Constraint violations become {@link BallastException}s with MLflow's codes so a
 * duplicate never surfaces as a 500.
 */
@Singleton
public final class Jdbc {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String INTEGRITY_VIOLATION_CLASS = "23";

    private final ConnectionOperations<Connection> connections;

    public Jdbc(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** A function over a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs work on the transaction's connection, or on a pooled one for just this call. */
    public <T> T withConnection(SqlWork<T> work) {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> {
            try {
                return work.apply(status.getConnection());
            } catch (SQLException e) {
                throw translate(e);
            }
        });
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                    return out;
                }
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long queryLong(String sql, Object... params) {
        return queryOne(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /** Executes an insert, update or delete and answers the number of rows it touched. */
    public int update(String sql, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                return ps.executeUpdate();
            }
        });
    }

    /** Executes an insert and answers the generated value of the {@code id} column. */
    public long insert(String sql, Object... params) {
        return insertReturning("id", sql, params);
    }

    /** Executes an insert and answers the generated value of the named identity column. */
    public long insertReturning(String idColumn, String sql, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql, new String[] {idColumn})) {
                bind(ps, params);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("insert returned no generated key");
                    }
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Executes one statement for many parameter rows in JDBC batches. */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bind(ps, row);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** Reads a nullable BIGINT column. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState();
        if (UNIQUE_VIOLATION.equals(state)) {
            return new BallastException(ErrorCode.RESOURCE_ALREADY_EXISTS, "resource already exists", e);
        }
        if (state != null && state.startsWith(INTEGRITY_VIOLATION_CLASS)) {
            return new BallastException(ErrorCode.INVALID_PARAMETER_VALUE, "value violates a constraint", e);
        }
        return new DataAccessFailure(e);
    }

    /** A database failure that is not the caller's fault; rendered as INTERNAL_ERROR. */
    public static final class DataAccessFailure extends RuntimeException {
        DataAccessFailure(SQLException cause) {
            super("database error: " + cause.getMessage(), cause);
        }
    }

}
