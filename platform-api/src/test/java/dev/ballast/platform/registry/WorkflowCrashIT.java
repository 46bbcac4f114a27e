package dev.ballast.platform.registry;

import dev.ballast.core.storage.DataLayout;
import dev.ballast.core.testing.TestDatabase;
import dev.ballast.platform.testing.BallastProcess;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A retraining workflow survives kill -9 of Ballast in the middle of its steps, on PostgreSQL
 * (several processes share the database; H2 runs in the test's memory). Ballast runs as a separate
 * process with a pause in every step; it is killed once after the run was logged (before the step
 * recorded it) and, in a second process, while registering the version (its transaction open).
 * Ballast then resumes the workflow: exactly one run and one new version, each step done once.
 */
class WorkflowCrashIT {
    private static BallastTestServer server;
    private static ServingFixture fx;
    private static DriftMonitorFixture drift;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue("postgres".equals(TestDatabase.targetEngine()), "processes share the database only on PostgreSQL");
        // This server sets up and checks; it takes no scheduled work, so only the killed processes run the workflow.
        server = BallastTestServer.start(Map.of("ballast.drift.scheduler.enabled", false,
                "ballast.serving.capture.flush-interval", "100ms"));
        drift = new DriftMonitorFixture(server, "crash");
        fx = drift.fx;
        
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void killedTwiceInTheMiddleOfAWorkflowItResumesWithOneRunAndOneNewVersion() throws Exception {
        String model = drift.servedModelWithLineage("crash");
        drift.uploadVersion(DriftMonitorFixture.datasetOf(model), DriftMonitorFixture.trainingCsv(9L));
        TestResponse started = server.postJson("/api/v1/workflows", "{\"model\":\"" + model + "\",\"reason\":\"crash test\"}", fx.engineer);
        assertEquals(201, started.status(), started.body());
        long id = ((Number) started.json().get("id")).longValue();

        try (BallastProcess first = process("first")) {
            awaitStep(first, id, "log_run", "model_logged");
            first.kill();
        }
        try (BallastProcess second = process("second")) {
            awaitStep(second, id, "register_version", null);
            second.kill();
        }
        assertEquals(1, versions(model), "the killed registration rolled back");

        try (BallastTestServer resumed = server.replica(Map.of("ballast.drift.scheduler.enabled", true,
                "ballast.drift.scheduler.heartbeat-interval", "1s", "ballast.drift.scheduler.missed-heartbeats", 4,
                "ballast.workflows.sweep-interval", "1s"))) {
            Map<String, Object> done = awaitState(resumed.baseUrl(), id, "succeeded");
            Map<String, Integer> attempts = new HashMap<>();
            for (Object s : (List<?>) done.get("steps")) {
                Map<?, ?> step = (Map<?, ?>) s;
                assertEquals("succeeded", step.get("state"), step.toString());
                attempts.put((String) step.get("name"), ((Number) step.get("attempts")).intValue());
            }
            assertEquals(2, attempts.get("log_run"), "log_run ran again after the first kill: " + attempts);
            assertEquals(2, attempts.get("register_version"), "register_version ran again after the second kill: " + attempts);
            assertEquals(1, attempts.get("open_promotion"), attempts.toString());
            assertEquals("2", done.get("new_version"));
        }
        assertEquals(2, versions(model), "exactly one new version");
        TestResponse runs = server.postJson("/api/2.0/mlflow/runs/search", "{\"experiment_ids\":[\"" + experimentOfV1(model)
                + "\"],\"filter\":\"tags.`ballast.workflow_id` = '" + id + "'\"}", fx.engineer);
        assertEquals(200, runs.status(), runs.body());
        assertEquals(1, ((List<?>) runs.json().get("runs")).size(), "exactly one run: " + runs.body());
        TestResponse promotions = server.get("/api/v1/promotions?model=" + model, fx.engineer);
        assertEquals(1, promotions.body().split("\"version\":\"2\"", -1).length - 1, promotions.body());
    }

    /**
     * A Ballast process on the shared database and stores (settings as JVM options), with a 3 s
     * pause in each step and quick dead-execution detection.
     */
    private static BallastProcess process(String name) throws Exception {
        TestDatabase db = server.database();
        DataLayout layout = server.context().getBean(DataLayout.class);
        Map<String, Object> p = new HashMap<>();
        p.put("ballast.db.user", db.user());
        p.put("ballast.db.password", db.password());
        p.put("ballast.artifacts.root", layout.artifacts());
        p.put("ballast.datasets.root", layout.datasets());
        p.put("ballast.admin-password", BallastTestServer.ADMIN_PASSWORD);
        p.put("ballast.security.bcrypt-cost", 4);
        p.put("ballast.drift.scheduler.heartbeat-interval", "1s");
        p.put("ballast.drift.scheduler.missed-heartbeats", 4);
        p.put("ballast.workflows.sweep-interval", "1s");
        p.put("ballast.workflows.fault-injection.step-pause", "3s");
        StringBuilder options = new StringBuilder("-Xmx512m");
        p.forEach((k, v) -> options.append(" -D").append(k).append('=').append(v));
        BallastProcess process = BallastProcess.start(Map.of("JAVA_TOOL_OPTIONS", options.toString(), "BALLAST_DB_URL", db.url(),
                "BALLAST_HOME", Files.createTempDirectory("ballast-crash-" + name).toString()));
        process.awaitHealthy(Duration.ofSeconds(90));
        return process;
    }

    /**
     * Waits until {@code step} is running past its effects, inside the pause before its completion:
     * its checkpoint shows {@code marker}, or (an atomic step, whose effects are not visible) it has
     * been running for a while.
     */
    private static void awaitStep(BallastProcess p, long id, String step, String marker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> w = workflow(url(p), id);
            for (Object s : (List<?>) w.get("steps")) {
                Map<?, ?> m = (Map<?, ?>) s;
                if (step.equals(m.get("name")) && "running".equals(m.get("state"))
                        && (marker == null || String.valueOf(m.get("output")).contains(marker))) {
                    Thread.sleep(marker == null ? 1500 : 200);
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(step + " never ran: " + workflow(url(p), id) + "\n" + p.output());
    }

    private static String url(BallastProcess p) {
        return "http://127.0.0.1:" + p.port();
    }

    private static Map<String, Object> awaitState(String baseUrl, long id, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, Object> w = Map.of();
        while (System.nanoTime() < deadline) {
            w = workflow(baseUrl, id);
            if (state.equals(w.get("state"))) {
                return w;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("workflow " + id + " is not " + state + ": " + w);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflow(String baseUrl, long id) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/workflows/" + id))
                .header("Authorization", fx.engineer).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return (Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(r.body());
    }

    private static int versions(String model) {
        TestResponse r = server.get("/api/2.0/mlflow/model-versions/search?filter=" + java.net.URLEncoder.encode("name='" + model + "'",
                java.nio.charset.StandardCharsets.UTF_8), fx.engineer);
        assertEquals(200, r.status(), r.body());
        Object list = r.json().get("model_versions");
        return list == null ? 0 : ((List<?>) list).size();
    }

    private static String experimentOfV1(String model) {
        Map<?, ?> v1 = (Map<?, ?>) server.get("/api/2.0/mlflow/model-versions/get?name=" + model + "&version=1", fx.engineer).json()
                .get("model_version");
        Map<?, ?> run = (Map<?, ?>) server.get("/api/2.0/mlflow/runs/get?run_id=" + v1.get("run_id"), fx.engineer).json().get("run");
        assertTrue(run != null);
        return (String) ((Map<?, ?>) run.get("info")).get("experiment_id");
    }
}
