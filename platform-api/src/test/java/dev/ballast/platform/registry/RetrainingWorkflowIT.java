package dev.ballast.platform.registry;

import dev.ballast.client.BallastModels;
import dev.ballast.client.LoggedModel;
import dev.ballast.client.testing.TrainedModels;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drift-to-retraining loop through the public API, with two replicas sharing the database:
 * shifted served inputs make the scheduled check find drift, which starts exactly one workflow;
 * it retrains the champion's recipe on the newest training data, logs a run, registers a version
 * with its card and gate results and leaves a promotion request for reviewers. Unshifted inputs
 * start nothing. The external executor is called with a signed payload and its signed callback
 * registers the version it produced.
 */
class RetrainingWorkflowIT {
    private static final String EXECUTOR_SECRET = "executor-secret-for-tests-0123456789";
    private static final String EVENTS_SECRET = "events-secret-for-tests-0123456789";
    private static WebhookReceiver receiver;
    private static BallastTestServer server;
    private static BallastTestServer replica;
    private static ServingFixture fx;
    private static DriftMonitorFixture drift;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver(Map.of("/events", EVENTS_SECRET, "/executor", EXECUTOR_SECRET)).start();
        Map<String, Object> props = Map.of("ballast.serving.sync-interval", "200ms",
                "ballast.serving.capture.flush-interval", "100ms",
                "ballast.workflows.sweep-interval", "1s",
                "ballast.workflows.retry.initial-backoff", "200ms",
                "ballast.webhooks.events.url", receiver.url("/events"),
                "ballast.webhooks.events.secret", EVENTS_SECRET,
                "ballast.webhooks.events.events", "workflow.started,workflow.step_completed,workflow.succeeded,workflow.failed");
        server = BallastTestServer.start(props);
        replica = server.replica(Map.of());
        drift = new DriftMonitorFixture(server, "retrain");
        fx = drift.fx;
        
    }

    @AfterAll
    static void stop() {
        if (replica != null) {
            replica.close();
        }
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void driftFoundByTheScheduledCheckStartsOneWorkflowThatLeavesAReviewedPromotionRequest() throws Exception {
        String model = drift.servedModelWithLineage("drifting");
        drift.uploadVersion(DriftMonitorFixture.datasetOf(model), DriftMonitorFixture.trainingCsv(7L));
        assertEquals(200, server.send("PUT", "/api/v1/models/" + model + "/gates", "{\"rules\":[\"metrics.r2 >= 0.75\","
                + "\"metrics.rmse < 0.5\"]}", "application/json", fx.engineer).status());
        drift.serve(model, 200, 1.5, 31);
        drift.awaitCaptured(model, 200);

        long monitor = createMonitor(model);
        Map<String, Object> done = awaitWorkflow(model, "succeeded");
        assertEquals("drift", done.get("trigger"));
        assertEquals(monitor, ((Number) done.get("monitor_id")).longValue());
        assertEquals("1", done.get("base_version"));
        assertEquals("2", done.get("new_version"));
        Map<String, Object> full = server.get("/api/v1/workflows/" + done.get("id"), fx.engineer).json();
        List<?> steps = (List<?>) full.get("steps");
        assertEquals(List.of("choose_data", "train", "log_run", "register_version", "evaluate_gates", "open_promotion"),
                steps.stream().map(s -> ((Map<?, ?>) s).get("name")).toList());
        for (Object s : steps) {
            assertEquals("succeeded", ((Map<?, ?>) s).get("state"), s.toString());
            assertEquals(1, ((Number) ((Map<?, ?>) s).get("attempts")).intValue(), "no step ran twice: " + s);
        }
        Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) steps.get(0)).get("output");
        assertEquals(2, ((Number) data.get("version")).intValue(), "the newest version of the training dataset");
        assertEquals(Boolean.TRUE, data.get("new_data"));

        // The run: params of the recipe and split, holdout metrics, the dataset input.
        String runId = (String) full.get("run_id");
        Map<?, ?> run = (Map<?, ?>) server.get("/api/2.0/mlflow/runs/get?run_id=" + runId, fx.engineer).json().get("run");
        String runText = run.toString();
        assertTrue(runText.contains("split_seed") && runText.contains("trainer.") && runText.contains("r2"), runText);
        assertTrue(runText.contains("ballast.workflow_id"), runText);
        assertEquals("FINISHED", ((Map<?, ?>) run.get("info")).get("status"));

        // The version: registered from that run, with a card that says where it came from and gate results.
        Map<?, ?> v2 = (Map<?, ?>) server.get("/api/2.0/mlflow/model-versions/get?name=" + model + "&version=2", fx.engineer)
                .json().get("model_version");
        assertEquals(runId, v2.get("run_id"));
        Map<String, Object> card = server.get("/api/v1/models/" + model + "/versions/2/card", fx.engineer).json();
        assertTrue(String.valueOf(card.get("notes")).contains("workflow #" + done.get("id")), card.toString());
        assertNotNull(card.get("gates"), "the card shows the gate results");
        assertTrue(String.valueOf(card.get("training_data")).contains(DriftMonitorFixture.datasetOf(model)), card.toString());

        // The promotion request waits for a reviewer; the champion has not moved.
        long promotion = ((Number) full.get("promotion_id")).longValue();
        Map<String, Object> request = server.get("/api/v1/promotions/" + promotion, fx.engineer).json();
        assertEquals("PENDING", String.valueOf(request.get("status")).toUpperCase(java.util.Locale.ROOT), request.toString());
        assertEquals("ballast-retraining", request.get("requested_by"));
        assertEquals("1", championVersion(model));

        // Later checks of the same episode start nothing more.
        Thread.sleep(2500);
        assertEquals(1, workflows(model).size(), "once per drift episode");
        List<?> checks = (List<?>) new org.yaml.snakeyaml.Yaml().load(server.get("/api/v1/drift/monitors/" + monitor
                + "/checks?max_results=100", fx.engineer).body());
        assertTrue(checks.stream().filter(c -> done.get("id").equals(((Map<?, ?>) c).get("workflow_id"))).count() == 1,
                "one check started the workflow: " + checks);
        assertTrue(checks.stream().anyMatch(c -> String.valueOf(((Map<?, ?>) c).get("retraining")).contains("episode")
                || String.valueOf(((Map<?, ?>) c).get("retraining")).contains("open")), checks.toString());

        // The registry's webhooks heard about it.
        receiver.await(r -> r.body().contains("workflow.succeeded") && r.body().contains(model), Duration.ofSeconds(10));
        long started = receiver.received(r -> r.path().equals("/events") && r.body().contains("\"workflow.started\"")
                && r.body().contains(model)).size();
        assertEquals(1, started);
        assertTrue(receiver.received(r -> r.path().equals("/events") && r.body().contains(model)).stream().allMatch(r -> r.signatureValid()));

        // The reviewer approves and the alias moves.
        assertEquals(200, server.postJson("/api/v1/promotions/" + promotion + "/approve", "{\"comment\":\"retrained on fresh data\"}",
                fx.reviewer).status());
        assertEquals("2", championVersion(model));
    }

    @Test
    void unshiftedInputsFindNoDriftAndStartNothing() throws Exception {
        String model = drift.servedModelWithLineage("calm");
        drift.serve(model, 200, 0.0, 41);
        drift.awaitCaptured(model, 200);
        long monitor = createMonitor(model);
        Thread.sleep(3500);
        List<?> checks = (List<?>) new org.yaml.snakeyaml.Yaml().load(server.get("/api/v1/drift/monitors/" + monitor
                + "/checks?max_results=100", fx.engineer).body());
        assertTrue(checks.size() >= 2, checks.toString());
        assertTrue(checks.stream().allMatch(c -> "no_drift".equals(((Map<?, ?>) c).get("verdict"))), checks.toString());
        assertTrue(workflows(model).isEmpty());
    }

    @Test
    void externalExecutorIsCalledSignedAndItsSignedCallbackRegistersTheVersion() throws Exception {
        String model = drift.servedModelWithLineage("external");
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        receiver.respond("/executor", r -> calls.incrementAndGet() == 1 ? 503 : 200);
        TestResponse policy = server.send("PUT", "/api/v1/models/" + model + "/retraining", "{\"executor\":\"external\",\"webhook_url\":\""
                + receiver.url("/executor") + "\",\"secret\":\"" + EXECUTOR_SECRET + "\"}", "application/json", fx.engineer);
        assertEquals(200, policy.status(), policy.body());
        assertEquals(EXECUTOR_SECRET, policy.json().get("secret"), "the secret is shown to whoever set it");
        assertFalse(server.get("/api/v1/models/" + model + "/retraining", fx.engineer).body().contains(EXECUTOR_SECRET));

        TestResponse started = server.postJson("/api/v1/workflows", "{\"model\":\"" + model + "\",\"reason\":\"new quarter\"}", fx.engineer);
        assertEquals(201, started.status(), started.body());
        long id = ((Number) started.json().get("id")).longValue();
        assertEquals(409, server.postJson("/api/v1/workflows", "{\"model\":\"" + model + "\"}", fx.engineer).status(),
                "one open workflow per model");

        WebhookReceiver.Received call = receiver.await(r -> r.path().equals("/executor") && r.body().contains("\"" + model + "\"")
                && r.answered() == 200, Duration.ofSeconds(20));
        assertTrue(call.signatureValid(), "the executor can check Ballast's signature");
        assertTrue(call.body().contains("\"dag_run_id\":\"ballast-workflow-" + id + "\""), call.body());
        assertTrue(call.body().contains("/api/v1/workflows/" + id + "/callback"), call.body());
        Map<String, Object> waiting = awaitWorkflow(model, "waiting");
        Map<?, ?> dispatch = (Map<?, ?>) ((List<?>) server.get("/api/v1/workflows/" + id, fx.engineer).json().get("steps")).get(1);
        assertEquals(2, ((Number) dispatch.get("attempts")).intValue(), "the 503 was retried with backoff: " + dispatch);
        assertEquals(id, ((Number) waiting.get("id")).longValue());

        // The executor trains and logs its model, then calls back.
        String runId = executorRun(model);
        String body = "{\"status\":\"succeeded\",\"run_id\":\"" + runId + "\"}";
        long now = Instant.now().getEpochSecond();
        assertEquals(401, callback(id, body, now, "sha256=" + "0".repeat(64)).status(), "a forged signature is refused");
        assertEquals(401, callback(id, body, now - 3600, sign(now - 3600, body)).status(), "an old callback is refused");
        TestResponse accepted = callback(id, body, now, sign(now, body));
        assertEquals(202, accepted.status(), accepted.body());
        assertEquals(409, callback(id, body, now, sign(now, body)).status(), "a second callback is refused");

        Map<String, Object> done = awaitWorkflow(model, "succeeded");
        assertEquals("2", done.get("new_version"));
        Map<?, ?> v2 = (Map<?, ?>) server.get("/api/2.0/mlflow/model-versions/get?name=" + model + "&version=2", fx.engineer)
                .json().get("model_version");
        assertEquals(runId, v2.get("run_id"));
        assertNotNull(done.get("promotion_id"));
    }

    private static String executorRun(String model) {
        TestResponse exp = server.postJson("/api/2.0/mlflow/experiments/create", "{\"name\":\"airflow-" + UUID.randomUUID() + "\"}",
                fx.engineer);
        TestResponse run = server.postJson("/api/2.0/mlflow/runs/create", "{\"experiment_id\":\"" + exp.json().get("experiment_id")
                + "\"}", fx.engineer);
        String runId = (String) ((Map<?, ?>) ((Map<?, ?>) run.json().get("run")).get("info")).get("run_id");
        assertEquals(200, server.postJson("/api/2.0/mlflow/runs/log-metric", "{\"run_id\":\"" + runId
                + "\",\"key\":\"r2\",\"value\":0.97,\"timestamp\":1,\"step\":0}", fx.engineer).status());
        LoggedModel logged = BallastModels.connect(server.baseUrl(), "retrain-engineer", "retrain-engineer-password-123")
                .log(runId, TrainedModels.regressionTree());
        assertEquals("runs:/" + runId + "/model", logged.runsUri());
        return runId;
    }

    private static TestResponse callback(long id, String body, long timestamp, String signature) {
        return server.send("POST", "/api/v1/workflows/" + id + "/callback", body, "application/json", null,
                Map.of("X-Ballast-Timestamp", String.valueOf(timestamp), "X-Ballast-Signature", signature));
    }

    private static String sign(long timestamp, String body) {
        return dev.ballast.registry.app.event.WebhookSignature.sign(EXECUTOR_SECRET, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    private static long createMonitor(String model) {
        TestResponse created = replica.postJson("/api/v1/drift/monitors", "{\"model\":\"" + model
                + "\",\"current_rows\":200,\"schedule_seconds\":1}", fx.engineer);
        assertEquals(201, created.status(), created.body());
        return ((Number) created.json().get("id")).longValue();
    }

    private static String championVersion(String model) {
        Map<?, ?> v = (Map<?, ?>) server.get("/api/2.0/mlflow/registered-models/alias?name=" + model + "&alias=champion", fx.engineer)
                .json().get("model_version");
        return (String) v.get("version");
    }

    private static List<?> workflows(String model) {
        TestResponse r = server.get("/api/v1/workflows?model=" + model, fx.engineer);
        assertEquals(200, r.status(), r.body());
        Object list = r.json().get("workflows");
        return list == null ? List.of() : (List<?>) list;
    }

    private static Map<String, Object> awaitWorkflow(String model, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<?> seen = List.of();
        while (System.nanoTime() < deadline) {
            seen = workflows(model);
            if (!seen.isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> w = (Map<String, Object>) seen.get(0);
                if (state.equals(w.get("state"))) {
                    return w;
                }
                if ("failed".equals(w.get("state"))) {
                    throw new AssertionError("workflow failed: " + server.get("/api/v1/workflows/" + w.get("id"), fx.engineer).body());
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + state + " workflow of " + model + ": " + seen);
    }
}
