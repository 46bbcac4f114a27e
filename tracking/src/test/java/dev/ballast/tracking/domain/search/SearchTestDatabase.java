package dev.ballast.tracking.domain.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An in-memory H2 database in PostgreSQL mode holding the tracking schema (run from the real
 * migration script) and a small fixed set of experiments and runs that the SQL tests query.
 *
 * <p>Runs are named; their ids are the name padded with zeros to 32 characters, so results can
 * be asserted by name.
 */
final class SearchTestDatabase implements AutoCloseable {
    private final Connection connection;

    SearchTestDatabase() {
        try {
            String name = "search_" + UUID.randomUUID().toString().replace("-", "");
            connection = DriverManager.getConnection("jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
            try (Statement s = connection.createStatement()) {
                s.execute("RUNSCRIPT FROM 'classpath:db/migration/V2__tracking.sql'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String id(String name) {
        StringBuilder b = new StringBuilder(name);
        while (b.length() < 32) {
            b.append('0');
        }
        return b.toString();
    }

    static String name(String id) {
        String n = id.trim();
        int end = n.length();
        while (end > 0 && n.charAt(end - 1) == '0') {
            end--;
        }
        return n.substring(0, end);
    }

    /** Fills the database with the fixture every SQL test describes in its comments. */
    SearchTestDatabase withFixture() {
        experiment(1, "exp-a", "active", 100, 500);
        experiment(2, "exp-b", "active", 200, 300);
        experiment(3, "Exp-C", "deleted", 300, 400);
        experiment(4, "zeta", "active", 200, 200);
        experimentTag(1, "team", "core");
        experimentTag(2, "team", "ml");

        run("alpha", 1, "ridge-1", "alice", "FINISHED", 1000L, 1500L, "active");
        run("bravo", 1, "lasso-1", "bob", "FINISHED", 2000L, 2500L, "active");
        run("charlie", 1, "ridge-2", "alice", "RUNNING", 3000L, null, "active");
        run("delta", 1, "mlp", null, "FAILED", 4000L, 5000L, "active");
        run("golf", 1, "golf", "erin", "FINISHED", 4000L, null, "active");
        run("echo", 1, "ridge-3", "carol", "FINISHED", 5000L, 5500L, "deleted");
        run("foxtrot", 2, "other", "dave", "FINISHED", 6000L, 6500L, "active");

        param("alpha", "model", "ridge");
        param("alpha", "lr", "0.1");
        param("bravo", "model", "lasso");
        param("bravo", "lr", "0.01");
        param("charlie", "model", "ridge");
        param("delta", "model", "mlp");
        param("golf", "lr rate", "x");
        param("echo", "model", "ridge");
        param("foxtrot", "model", "ridge");

        tag("alpha", "team", "Core");
        tag("alpha", "note", "it's");
        tag("alpha", "prio", "1");
        tag("bravo", "team", "core");
        tag("delta", "team", "ml");
        tag("delta", "prio", "2");
        tag("golf", "path", "50%_done\\");

        metric("alpha", "rmse", 0.3, false);
        metric("alpha", "acc", 0.9, false);
        metric("bravo", "rmse", 0.6, false);
        metric("charlie", "rmse", 0.0, true);
        metric("golf", "rmse", 0.3, false);
        metric("golf", "my metric", 7, false);
        metric("echo", "rmse", 0.1, false);
        metric("foxtrot", "rmse", 0.2, false);

        input("alpha", "iris", "d1", "train");
        input("bravo", "iris", "d2", "eval");
        input("bravo", "wine", "d3", "train");
        input("golf", "digits", "d4", null);
        return this;
    }

    void experiment(long id, String name, String stage, long created, long updated) {
        update("INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, name, "mlflow-artifacts:/" + id, stage, created, updated);
    }

    void experimentTag(long id, String key, String value) {
        update("INSERT INTO experiment_tags (experiment_id, tag_key, tag_value) VALUES (?, ?, ?)", id, key, value);
    }

    void run(String name, long experimentId, String runName, String user, String status, Long start, Long end, String stage) {
        update("INSERT INTO runs (run_uuid, experiment_id, run_name, user_id, status, start_time, end_time, lifecycle_stage, artifact_uri) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id(name), experimentId, runName, user, status, start, end, stage, "s3://b/" + name);
    }

    void param(String run, String key, String value) {
        update("INSERT INTO params (run_uuid, param_key, param_value) VALUES (?, ?, ?)", id(run), key, value);
    }

    void tag(String run, String key, String value) {
        update("INSERT INTO tags (run_uuid, tag_key, tag_value) VALUES (?, ?, ?)", id(run), key, value);
    }

    void metric(String run, String key, double value, boolean nan) {
        update("INSERT INTO latest_metrics (run_uuid, metric_key, metric_value, ts, step, is_nan) VALUES (?, ?, ?, 1, 0, ?)",
                id(run), key, value, nan);
    }

    void input(String run, String dataset, String digest, String context) {
        update("INSERT INTO run_inputs (run_uuid, dataset_name, dataset_digest, source_type, source, context) VALUES (?, ?, ?, ?, ?, ?)",
                id(run), dataset, digest, "local", "/data/" + dataset, context);
    }

    /** Runs a generated query and returns its first column as strings. */
    List<String> query(SqlQuery q) {
        try (PreparedStatement ps = connection.prepareStatement(q.sql())) {
            for (int i = 0; i < q.params().size(); i++) {
                ps.setObject(i + 1, q.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + q, e);
        }
    }

    /** Runs a generated run query and returns the run names in order. */
    List<String> runNames(SqlQuery q) {
        return query(q).stream().map(SearchTestDatabase::name).toList();
    }

    long count(String table) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
