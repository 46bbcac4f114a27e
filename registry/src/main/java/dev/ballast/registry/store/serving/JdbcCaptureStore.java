package dev.ballast.registry.store.serving;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.registry.domain.serving.CapturedInputs;
import dev.ballast.registry.domain.serving.CapturedPrediction;
import dev.ballast.registry.domain.serving.CaptureStore;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * {@link CaptureStore} on {@code served_predictions}: one JDBC batch per call in its own
 * transaction, and window reads that follow {@code ix_served_predictions_version_time} (one
 * version) or {@code ix_served_predictions_model_time} (every version's primary rows).
 */
@Singleton
public class JdbcCaptureStore implements CaptureStore {
    private static final String INSERT = "INSERT INTO served_predictions "
            + "(model_name, version, alias, captured_at, shadow, inputs, output) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "SELECT model_name, version, alias, captured_at, shadow, inputs, output FROM served_predictions ";
    private static final String OF_VERSION = "WHERE model_name = ? AND version = ? AND captured_at >= ? AND captured_at < ?";
    private static final String OF_MODEL = "WHERE model_name = ? AND shadow = FALSE AND captured_at >= ? AND captured_at < ?";
    private static final String NEWEST_FIRST = " ORDER BY captured_at DESC, id DESC LIMIT ?";
    /** Rows per round trip when streaming inputs: PostgreSQL keeps the rest on the server (inside a transaction). */
    private static final int FETCH_ROWS = 2000;

    private final Jdbc jdbc;

    public JdbcCaptureStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void insertBatch(List<CapturedPrediction> predictions) {
        if (predictions.isEmpty()) {
            return;
        }
        jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (CapturedPrediction p : predictions) {
                    ps.setString(1, p.model());
                    ps.setInt(2, p.version());
                    if (p.alias() == null) {
                        ps.setNull(3, Types.VARCHAR);
                    } else {
                        ps.setString(3, p.alias());
                    }
                    ps.setLong(4, p.timestamp());
                    ps.setBoolean(5, p.shadow());
                    ps.setString(6, CaptureJson.writeInputs(p.inputs()));
                    ps.setString(7, CaptureJson.writeOutput(p.output()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<CapturedPrediction> window(String model, @Nullable Integer version, long fromInclusive, long toExclusive, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        if (version == null) {
            return jdbc.query(COLUMNS + OF_MODEL + NEWEST_FIRST, JdbcCaptureStore::row, model, fromInclusive, toExclusive, limit);
        }
        return jdbc.query(COLUMNS + OF_VERSION + NEWEST_FIRST, JdbcCaptureStore::row, model, version, fromInclusive, toExclusive,
                limit);
    }

    /**
     * One query that selects only the inputs column, streamed {@value #FETCH_ROWS} rows at a time (so a window of a
     * million rows never sits in the driver's memory at once) and parsed straight into primitive columns, batch by batch
     * on the common pool while this thread fetches the next rows ({@link ParallelInputs}). It runs in a transaction
     * because PostgreSQL's driver honours a fetch size only with auto-commit off.
     */
    @Override
    @Transactional
    public CapturedInputs inputs(String model, @Nullable Integer version, long fromInclusive, long toExclusive, int limit) {
        if (limit <= 0) {
            return CapturedInputs.empty();
        }
        String sql = "SELECT inputs FROM served_predictions " + (version == null ? OF_MODEL : OF_VERSION) + NEWEST_FIRST;
        return jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(FETCH_ROWS);
                int i = 1;
                ps.setString(i++, model);
                if (version != null) {
                    ps.setInt(i++, version);
                }
                ps.setLong(i++, fromInclusive);
                ps.setLong(i++, toExclusive);
                ps.setInt(i, limit);
                ParallelInputs columns = new ParallelInputs(ForkJoinPool.commonPool(), ForkJoinPool.getCommonPoolParallelism());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
                return columns.finish();
            }
        });
    }

    @Override
    public long count(String model, @Nullable Integer version, long from, long to) {
        if (version == null) {
            return jdbc.queryLong("SELECT COUNT(*) FROM served_predictions " + OF_MODEL, model, from, to);
        }
        return jdbc.queryLong("SELECT COUNT(*) FROM served_predictions " + OF_VERSION, model, version, from, to);
    }

    private static CapturedPrediction row(ResultSet rs) throws SQLException {
        return new CapturedPrediction(rs.getString("model_name"), rs.getInt("version"), rs.getString("alias"), rs.getLong("captured_at"),
                CaptureJson.readInputs(rs.getString("inputs")), CaptureJson.readOutput(rs.getString("output")), rs.getBoolean("shadow"));
    }
}
