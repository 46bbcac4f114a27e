package dev.ballast.platform.testing;

import dev.ballast.core.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A whole Ballast on a random port, on a database of its own (H2 or PostgreSQL, per test run)
 * and a temporary data directory, driven over real HTTP. Close it to stop the server and drop
 * the database.
 */
public final class BallastTestServer implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final TestDatabase database;
    private final boolean ownsDatabase;
    private final Path home;
    private final Map<String, Object> properties;
    private EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private BallastTestServer(TestDatabase database, Path home, Map<String, Object> properties, EmbeddedServer server) {
        this(database, true, home, properties, server);
    }

    private BallastTestServer(TestDatabase database, boolean ownsDatabase, Path home, Map<String, Object> properties,
                              EmbeddedServer server) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.home = home;
        this.properties = properties;
        this.server = server;
    }

    public static BallastTestServer start() {
        return start(Map.of());
    }

    /** Starts with extra configuration properties on top of the test defaults. */
    public static BallastTestServer start(Map<String, Object> extra) {
        TestDatabase database = TestDatabase.create();
        try {
            Path home = Files.createTempDirectory("ballast-test-home");
            Map<String, Object> props = new HashMap<>(database.properties());
            props.put("micronaut.server.port", -1);
            props.put("ballast.home", home.toString());
            props.put("ballast.admin-password", ADMIN_PASSWORD);
            props.put("ballast.security.bcrypt-cost", 4);
            props.put("micronaut.lifecycle.graceful-shutdown.enabled", false);
            props.putAll(extra);
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test");
            return new BallastTestServer(database, home, props, server);
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    /** Stops the application and starts it again on the same database and data directory (on a new port). */
    public void restart() {
        server.close();
        Map<String, Object> props = new HashMap<>(properties);
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
    }

    /**
     * A second Ballast on the same database, artifact store and datasets repository (its own data
     * directory and port), as replicas behind a load balancer run. Closing it leaves the database
     * to this server.
     */
    public BallastTestServer replica(Map<String, Object> extra) {
        try {
            Path replicaHome = Files.createTempDirectory("ballast-test-replica");
            Map<String, Object> props = new HashMap<>(properties);
            props.put("ballast.home", replicaHome.toString());
            dev.ballast.core.storage.DataLayout layout = context().getBean(dev.ballast.core.storage.DataLayout.class);
            props.put("ballast.artifacts.root", layout.artifacts().toString());
            props.put("ballast.datasets.root", layout.datasets().toString());
            props.putAll(extra);
            EmbeddedServer replica = ApplicationContext.run(EmbeddedServer.class, props, "test");
            return new BallastTestServer(database, false, replicaHome, props, replica);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The running application's context, to reach beans in white-box tests. */
    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public TestDatabase database() {
        return database;
    }

    public Path home() {
        return home;
    }

    /** Sends a request; {@code auth} is a full Authorization header value or null. */
    public TestResponse send(String method, String path, String body, String contentType, String auth) {
        return send(method, path, body, contentType, auth, Map.of());
    }

    /** Sends a request with extra headers. */
    public TestResponse send(String method, String path, String body, String contentType, String auth, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (auth != null) {
            b.header("Authorization", auth);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new TestResponse(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public TestResponse get(String path, String auth) {
        return send("GET", path, null, null, auth);
    }

    public TestResponse postJson(String path, String json, String auth) {
        return send("POST", path, json, "application/json", auth);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public String adminAuth() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }

    /** Creates a user through the admin API and answers its Basic credentials. */
    public String createUser(String username, String role) {
        String password = username + "-password-123";
        TestResponse r = postJson("/api/v1/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}", adminAuth());
        if (r.status() != 200) {
            throw new IllegalStateException("could not create user " + username + ": " + r);
        }
        return basic(username, password);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            if (ownsDatabase) {
                database.close();
            }
            deleteTree(home);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary directory; the OS cleans it eventually
        }
    }
}
