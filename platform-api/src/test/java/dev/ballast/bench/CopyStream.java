package dev.ballast.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A PostgreSQL {@code COPY ... FROM STDIN} (text format) fed row by row and flushed in 1 MiB
 * pieces. It loads the benchmark's large data sets (hundreds of thousands of runs, a million
 * history points) in seconds without holding them in memory as one string, and it is also the
 * baseline the ingestion figure is compared with.
 *
 * <p>Callers append tab-separated fields to {@link #row()} and end each row with
 * {@link #endRow()}. Values must hold no tab, newline or backslash (the benchmark's never do).
 */
public final class CopyStream implements AutoCloseable {
    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;
    private boolean done;

    private CopyStream(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code COPY table (columns) FROM STDIN} on {@code connection}. */
    public static CopyStream open(Connection connection, String table, String columns) throws SQLException {
        String sql = "COPY " + table + " (" + columns + ") FROM STDIN";
        return new CopyStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    /** Copies pre-encoded text-format rows in one COPY statement; answers the rows PostgreSQL took. */
    public static long copyAll(Connection connection, String table, String columns, byte[] rows) throws SQLException {
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
        try {
            in.writeToCopy(rows, 0, rows.length);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** The buffer to append the current row's fields to. */
    public StringBuilder row() {
        return buffer;
    }

    public void endRow() throws SQLException {
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is left and ends the COPY; answers the number of rows PostgreSQL took. */
    public long finish() throws SQLException {
        flush();
        done = true;
        long copied = copy.endCopy();
        if (copied != rows) {
            throw new SQLException("COPY took " + copied + " rows, " + rows + " were sent");
        }
        return copied;
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    @Override
    public void close() throws SQLException {
        if (!done && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
