package dev.ballast.platform;

import dev.ballast.core.testing.TestDatabase;
import dev.ballast.platform.testing.BallastProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar as an operator runs it: first start, a second process on the same data, bad settings. */
class StartupIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private TestDatabase database;
    private Path home;

    @BeforeEach
    void prepare() throws Exception {
        database = TestDatabase.create();
        home = Files.createTempDirectory("ballast-startup-it");
    }

    @AfterEach
    void cleanUp() {
        database.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("BALLAST_HOME", home.toString());
        if (!"h2".equals(database.engine())) {
            env.put("BALLAST_DB_URL", database.url());
            env.put("BALLAST_DB_USER", database.user());
            env.put("BALLAST_DB_PASSWORD", database.password());
        }
        return env;
    }

    @Test
    void thePackagedJarHoldsWhatTheRegistryLoadsModelsWith() throws Exception {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(BallastProcess.jar().toFile())) {
            for (String entry : new String[] {"dev/ballast/client/BallastModelDescriptor.class",
                    "dev/ballast/client/InvalidModelDescriptorException.class", "org/tribuo/regression/Regressor.class"}) {
                assertTrue(jar.getEntry(entry) != null, entry + " is missing from " + BallastProcess.jar());
            }
        }
    }

    @Test
    void printsAGeneratedAdminPasswordOnceAndItWorks() throws Exception {
        String password;
        try (BallastProcess first = BallastProcess.start(env())) {
            Duration took = first.awaitHealthy(START_TIMEOUT);
            System.out.println("[startup] healthy after " + took.toMillis() + " ms on " + database.engine());
            Matcher m = Pattern.compile("password: (\\S+)").matcher(first.output());
            assertTrue(m.find(), first.output());
            password = m.group(1);
            assertEquals(200, status(first.port(), "/api/v1/users/me", "admin", password));
            assertEquals(401, status(first.port(), "/api/v1/users/me", "admin", "admin"));
            assertTrue(Files.isDirectory(home.resolve("artifacts")), "artifact directory under BALLAST_HOME");
            assertTrue(Files.isDirectory(home.resolve("datasets")), "datasets directory under BALLAST_HOME");
            assertEquals("h2".equals(database.engine()), Files.isDirectory(home.resolve("db")),
                    "the H2 files live in BALLAST_HOME/db only when no other database is configured");
        }
        try (BallastProcess again = BallastProcess.start(env())) {
            again.awaitHealthy(START_TIMEOUT);
            assertTrue(!again.output().contains("password: "), "the password is printed on the first start only");
            assertEquals(200, status(again.port(), "/api/v1/users/me", "admin", password));
        }
    }

    @Test
    void refusesASecondProcessOnTheSameDataDirectoryAndKeepsTheFirstServing() throws Exception {
        Map<String, String> env = env();
        env.put("BALLAST_ADMIN_PASSWORD", "startup-test-password");
        try (BallastProcess first = BallastProcess.start(env)) {
            first.awaitHealthy(START_TIMEOUT);
            try (BallastProcess second = BallastProcess.start(env)) {
                int code = second.awaitExit(START_TIMEOUT);
                assertNotEquals(0, code);
                assertTrue(second.output().contains("in use by another Ballast process"), second.output());
            }
            assertTrue(first.isAlive());
            assertEquals(200, status(first.port(), "/api/v1/users/me", "admin", "startup-test-password"));
        }
    }

    @Test
    void refusesToStartWithAWeakAdminPassword() throws Exception {
        Map<String, String> env = env();
        env.put("BALLAST_ADMIN_PASSWORD", "admin");
        try (BallastProcess p = BallastProcess.start(env)) {
            int code = p.awaitExit(START_TIMEOUT);
            assertNotEquals(0, code);
            assertTrue(p.output().contains("BALLAST_ADMIN_PASSWORD is not acceptable"), p.output());
        }
    }

    private static int status(int port, String path, String user, String password) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
