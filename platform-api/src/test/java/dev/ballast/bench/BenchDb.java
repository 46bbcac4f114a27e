package dev.ballast.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain JDBC connections to the benchmark's database, beside Ballast's own pool: the baselines
 * run on them, and so do the bulk loads and the checks that the API really wrote what it
 * acknowledged.
 */
public record BenchDb(String url, String user, String password) {

    public Connection open() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public long queryLong(String sql) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
