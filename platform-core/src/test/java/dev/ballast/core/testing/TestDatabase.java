package dev.ballast.core.testing;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own for one test class, on the engine this test run targets.
 *
 * <p>Failsafe runs every {@code *IT} twice, with the system property {@code ballast.test.database}
 * set to {@code h2} and then {@code postgres}. On PostgreSQL the server comes from
 * {@code BALLAST_TEST_POSTGRES_URL} (a JDBC URL to any database on the server, CI points it at
 * 127.0.0.1:5432), else from Testcontainers when a Docker engine answers; with neither, the
 * tests are skipped with a message saying why. A fresh database is created and dropped on close.
 */
public final class TestDatabase implements AutoCloseable {
    private static PostgreSQLContainer<?> container;

    private final String engine;
    private final String url;
    private final String user;
    private final String password;
    private final Runnable dropper;

    private TestDatabase(String engine, String url, String user, String password, Runnable dropper) {
        this.engine = engine;
        this.url = url;
        this.user = user;
        this.password = password;
        this.dropper = dropper;
    }

    /** The engine this run targets: {@code h2} (default) or {@code postgres}. */
    public static String targetEngine() {
        return System.getProperty("ballast.test.database", "h2").toLowerCase(Locale.ROOT);
    }

    public static TestDatabase create() {
        String name = "ballast_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (!"postgres".equals(targetEngine())) {
            return new TestDatabase("h2", "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "sa", "", () -> dropH2(name));
        }
        Server server = server();
        execute(server.url(), server.user(), server.password(), "CREATE DATABASE " + name);
        String url = withDatabase(server.url(), name);
        return new TestDatabase("postgres", url, server.user(), server.password(),
                () -> execute(server.url(), server.user(), server.password(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    public String engine() {
        return engine;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Micronaut properties pointing the default datasource at this database. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("ballast.db.url", url);
        p.put("ballast.db.user", user);
        p.put("ballast.db.password", password);
        return p;
    }

    @Override
    public void close() {
        dropper.run();
    }

    private record Server(String url, String user, String password) {
    }

    private static synchronized Server server() {
        String configured = System.getenv("BALLAST_TEST_POSTGRES_URL");
        if (configured != null && !configured.isBlank()) {
            String user = envOr("BALLAST_TEST_POSTGRES_USER", "postgres");
            String password = envOr("BALLAST_TEST_POSTGRES_PASSWORD", "");
            return new Server(configured, user, password);
        }
        if (container == null) {
            boolean docker;
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                docker = false;
            }
            if (!docker) {
                String why = "PostgreSQL tests skipped: BALLAST_TEST_POSTGRES_URL is not set and no Docker engine answers for Testcontainers.";
                System.err.println("[ballast] " + why);
                Assumptions.abort(why);
            }
            container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
        }
        return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    /** Replaces the database name of a PostgreSQL JDBC URL, keeping host, port and parameters. */
    static String withDatabase(String jdbcUrl, String database) {
        int hostStart = jdbcUrl.indexOf("//") + 2;
        int slash = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?', hostStart);
        String base = slash < 0 ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query)) : jdbcUrl.substring(0, slash);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        return base + "/" + database + params;
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private static void dropH2(String name) {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name, "sa", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already gone
        }
    }
}
