package dev.ballast.tracking.store;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.tracking.domain.Metric;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends metric points to the history table, the hot path of tracking. On PostgreSQL it
 * streams them with COPY (several times faster than batched inserts); elsewhere it uses a JDBC
 * batch. Either way the points join the caller's transaction.
 */
@Singleton
public class MetricPointWriter {
    private static final String INSERT = "INSERT INTO metrics (run_uuid, metric_key, metric_value, ts, step, is_nan) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String COPY = "COPY metrics (run_uuid, metric_key, metric_value, ts, step, is_nan) FROM STDIN WITH (FORMAT binary)";
    /** Per row: field count, then a length word and the bytes of each of the six fields (less the two strings). */
    private static final int ROW_FIXED_BYTES = 2 + 4 + 4 + (4 + 8) + (4 + 8) + (4 + 8) + (4 + 1);
    private static final byte[] BINARY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final Jdbc jdbc;

    public MetricPointWriter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String runId, List<Metric> points) {
        if (points.isEmpty()) {
            return;
        }
        jdbc.withConnection(c -> {
            if (c.isWrapperFor(PGConnection.class)) {
                copy(c.unwrap(PGConnection.class).getCopyAPI(), runId, points);
            } else {
                batch(c, runId, points);
            }
            return null;
        });
    }

    /**
     * Streams the points in COPY's binary format: doubles and longs go over as their 8 bytes, so no
     * decimal text is formatted here or parsed by the server (the costliest part of text COPY).
     */
    private static void copy(CopyManager copy, String runId, List<Metric> points) throws SQLException {
        byte[] run = runId.getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> keys = new HashMap<>();
        int size = BINARY_SIGNATURE.length + 8 + 2;
        for (Metric m : points) {
            size += ROW_FIXED_BYTES + run.length + keys.computeIfAbsent(m.key(), k -> k.getBytes(StandardCharsets.UTF_8)).length;
        }
        ByteBuffer out = ByteBuffer.allocate(size); // big-endian, as COPY's binary format wants
        out.put(BINARY_SIGNATURE).putInt(0).putInt(0); // flags, header extension length
        for (Metric m : points) {
            byte[] key = keys.get(m.key());
            out.putShort((short) 6)
                    .putInt(run.length).put(run)
                    .putInt(key.length).put(key)
                    .putInt(8).putDouble(m.value())
                    .putInt(8).putLong(m.timestamp())
                    .putInt(8).putLong(m.step())
                    .putInt(1).put((byte) (Double.isNaN(m.value()) ? 1 : 0));
        }
        out.putShort((short) -1);
        try {
            copy.copyIn(COPY, new ByteArrayInputStream(out.array(), 0, out.position()));
        } catch (IOException e) {
            throw new SQLException("COPY of metric points failed", e);
        }
    }

    private static void batch(Connection c, String runId, List<Metric> points) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Metric m : points) {
                ps.setString(1, runId);
                ps.setString(2, m.key());
                ps.setDouble(3, m.value());
                ps.setLong(4, m.timestamp());
                ps.setLong(5, m.step());
                ps.setBoolean(6, Double.isNaN(m.value()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
