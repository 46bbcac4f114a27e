package dev.ballast.platform.registry;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metric gates, reviewed promotions, rollback, overrides, cards and the audit log over real
 * HTTP, with separate engineer, reviewer and admin users.
 */
class PromotionsIT {
    private static final String MLFLOW = "/api/2.0/mlflow/";
    private static BallastTestServer server;
    private static String engineer;
    private static String reviewer;
    private static String reviewer2;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
        engineer = server.createUser("promo-engineer", "ENGINEER");
        reviewer = server.createUser("promo-reviewer", "REVIEWER");
        reviewer2 = server.createUser("promo-reviewer2", "REVIEWER");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static TestResponse post(String path, String json, String auth) {
        return server.postJson(path, json, auth);
    }

    private static String runWithMetrics(double r2, double mape) {
        Map<String, Object> exp = post(MLFLOW + "experiments/create", "{\"name\":\"promo-" + UUID.randomUUID() + "\"}", engineer).json();
        Map<?, ?> run = (Map<?, ?>) post(MLFLOW + "runs/create", "{\"experiment_id\":\"" + exp.get("experiment_id") + "\"}", engineer)
                .json().get("run");
        String runId = (String) ((Map<?, ?>) run.get("info")).get("run_id");
        TestResponse logged = post(MLFLOW + "runs/log-batch", "{\"run_id\":\"" + runId + "\",\"metrics\":[{\"key\":\"r2\",\"value\":" + r2
                + ",\"timestamp\":1,\"step\":0},{\"key\":\"mape\",\"value\":" + mape + ",\"timestamp\":1,\"step\":0},"
                + "{\"key\":\"train_r2\",\"value\":0.95,\"timestamp\":1,\"step\":0}],"
                + "\"params\":[{\"key\":\"alpha\",\"value\":\"0.5\"}]}", engineer);
        assertEquals(200, logged.status(), logged.body());
        return runId;
    }

    private static String model() {
        String name = "promo-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(200, post(MLFLOW + "registered-models/create", "{\"name\":\"" + name + "\"}", engineer).status());
        TestResponse gates = server.send("PUT", "/api/v1/models/" + name + "/gates",
                "{\"template\":\"regression\",\"rules\":[\"metrics.rmse_ratio <= champion.metrics.rmse_ratio * 1.02\"]}",
                "application/json", engineer);
        assertEquals(200, gates.status(), gates.body());
        return name;
    }

    private static String version(String model, double r2, double mape) {
        String run = runWithMetrics(r2, mape);
        post(MLFLOW + "runs/log-metric", "{\"run_id\":\"" + run + "\",\"key\":\"rmse_ratio\",\"value\":1.0,\"timestamp\":1}", engineer);
        TestResponse r = post(MLFLOW + "model-versions/create", "{\"name\":\"" + model + "\",\"source\":\"runs:/" + run + "/model\","
                + "\"run_id\":\"" + run + "\"}", engineer);
        assertEquals(200, r.status(), r.body());
        return (String) ((Map<?, ?>) r.json().get("model_version")).get("version");
    }

    private static Map<String, Object> request(String model, String version, String target, String auth) {
        TestResponse r = post("/api/v1/promotions", "{\"model\":\"" + model + "\",\"version\":\"" + version + "\"," + target
                + ",\"reason\":\"better r2\"}", auth);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static long id(Map<String, Object> promotion) {
        return ((Number) promotion.get("id")).longValue();
    }

    private static String aliasHolder(String model, String alias) {
        TestResponse r = server.get(MLFLOW + "registered-models/alias?name=" + model + "&alias=" + alias, engineer);
        return r.status() == 404 ? null : (String) ((Map<?, ?>) r.json().get("model_version")).get("version");
    }

    @Test
    void gatedReviewedPromotionMovesTheChampionAndRollsBack() {
        String model = model();
        String v1 = version(model, 0.80, 0.05);
        TestResponse gates = server.get("/api/v1/models/" + model + "/versions/" + v1 + "/gates", engineer);
        assertEquals(200, gates.status(), gates.body());
        assertEquals(Boolean.TRUE, gates.json().get("passed"), gates.body());

        Map<String, Object> p1 = request(model, v1, "\"alias\":\"champion\"", engineer);
        assertEquals("PENDING", p1.get("status"));
        TestResponse self = post("/api/v1/promotions/" + id(p1) + "/approve", "{\"comment\":\"mine\"}", engineer);
        assertEquals(403, self.status());
        TestResponse approved = post("/api/v1/promotions/" + id(p1) + "/approve", "{\"comment\":\"looks good\"}", reviewer);
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPROVED", approved.json().get("status"));
        assertEquals(v1, aliasHolder(model, "champion"));
        TestResponse twice = post("/api/v1/promotions/" + id(p1) + "/approve", "{}", reviewer2);
        assertEquals(400, twice.status());
        assertEquals("INVALID_STATE", twice.errorCode());

        String v2 = version(model, 0.85, 0.04);
        Map<String, Object> p2 = request(model, v2, "\"alias\":\"champion\"", engineer);
        assertEquals(v1, p2.get("expected_holder"));
        post("/api/v1/promotions/" + id(p2) + "/approve", "{}", reviewer);
        assertEquals(v2, aliasHolder(model, "champion"));

        TestResponse rollback = post("/api/v1/promotions/" + id(p2) + "/rollback", "{\"reason\":\"latency regression\"}", reviewer2);
        assertEquals(201, rollback.status(), rollback.body());
        assertEquals(((Number) rollback.json().get("rollback_of")).longValue(), id(p2));
        assertEquals(v1, aliasHolder(model, "champion"));

        Map<String, Object> audit = server.get("/api/v1/audit?model=" + model + "&action=alias.set", engineer).json();
        List<?> entries = (List<?>) audit.get("entries");
        assertEquals(3, entries.size(), audit.toString());
        Map<?, ?> latest = (Map<?, ?>) entries.get(0);
        assertEquals("promo-reviewer2", latest.get("actor"));
        assertTrue(latest.get("after").toString().contains("rollback of promotion #" + id(p2)), latest.toString());
        assertTrue(latest.get("request_id") != null);
    }

    @Test
    void failingGatesBlockUntilAnAdminOverridesWithAReason() {
        String model = model();
        String weak = version(model, 0.50, 0.30);
        Map<String, Object> blocked = request(model, weak, "\"stage\":\"Production\"", engineer);
        assertEquals("BLOCKED", blocked.get("status"));
        assertEquals(Boolean.FALSE, blocked.get("gates_passed"));
        TestResponse approve = post("/api/v1/promotions/" + id(blocked) + "/approve", "{}", reviewer);
        assertEquals(400, approve.status());
        assertTrue(approve.body().contains("r2"), approve.body());

        assertEquals(403, post("/api/v1/promotions/" + id(blocked) + "/override", "{\"reason\":\"x\"}", engineer).status());
        assertEquals(400, post("/api/v1/promotions/" + id(blocked) + "/override", "{}", server.adminAuth()).status());
        TestResponse override = post("/api/v1/promotions/" + id(blocked) + "/override",
                "{\"reason\":\"seasonal data, accepted by the business owner\"}", server.adminAuth());
        assertEquals(200, override.status(), override.body());
        assertEquals("PENDING", override.json().get("status"));
        assertEquals("admin", override.json().get("override_by"));
        assertEquals(200, post("/api/v1/promotions/" + id(blocked) + "/approve", "{}", reviewer).status());
        TestResponse v = server.get(MLFLOW + "model-versions/get?name=" + model + "&version=" + weak, engineer);
        assertTrue(v.body().contains("\"current_stage\":\"Production\""), v.body());

        Map<String, Object> audit = server.get("/api/v1/audit?entity_type=promotion&entity_id=" + id(blocked), engineer).json();
        assertTrue(audit.toString().contains("promotion.override"), audit.toString());
        TestResponse delete = server.send("DELETE", MLFLOW + "model-versions/delete", "{\"name\":\"" + model + "\",\"version\":\""
                + weak + "\"}", "application/json", engineer);
        assertEquals(403, delete.status());
    }

    @Test
    void rejectionNeedsACommentAndAnotherReviewer() {
        String model = model();
        String v = version(model, 0.9, 0.01);
        Map<String, Object> p = request(model, v, "\"alias\":\"champion\"", engineer);
        assertEquals(400, post("/api/v1/promotions/" + id(p) + "/reject", "{}", reviewer).status());
        TestResponse rejected = post("/api/v1/promotions/" + id(p) + "/reject", "{\"comment\":\"needs a bias review\"}", reviewer);
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("REJECTED", rejected.json().get("status"));
        assertEquals(null, aliasHolder(model, "champion"));
        assertEquals(403, post("/api/v1/promotions", "{\"model\":\"" + model + "\",\"version\":\"" + v
                + "\",\"alias\":\"champion\",\"reason\":\"r\"}", reviewer).status());
    }

    @Test
    void concurrentApprovalsForOneTargetHaveExactlyOneWinner() throws Exception {
        String model = model();
        String a = version(model, 0.8, 0.05);
        String b = version(model, 0.81, 0.05);
        long pa = id(request(model, a, "\"alias\":\"champion\"", engineer));
        long pb = id(request(model, b, "\"alias\":\"champion\"", engineer));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<TestResponse>> results = new ArrayList<>();
            for (Callable<TestResponse> c : List.<Callable<TestResponse>>of(
                    () -> { go.await(); return post("/api/v1/promotions/" + pa + "/approve", "{}", reviewer); },
                    () -> { go.await(); return post("/api/v1/promotions/" + pb + "/approve", "{}", reviewer2); })) {
                results.add(pool.submit(c));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<TestResponse> f : results) {
                statuses.add(f.get().status());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
            TestResponse loser = results.get(0).get().status() == 409 ? results.get(0).get() : results.get(1).get();
            assertEquals("RESOURCE_CONFLICT", loser.errorCode());
            assertTrue(loser.body().contains("superseded"), loser.body());
        } finally {
            pool.shutdownNow();
        }
        String holder = aliasHolder(model, "champion");
        assertTrue(holder.equals(a) || holder.equals(b));
    }

    @Test
    void cardsAreGeneratedEditedWithRevisionsAndRenderedAsEscapedMarkdown() {
        String model = model();
        String v = version(model, 0.8, 0.05);
        Map<String, Object> card = server.get("/api/v1/models/" + model + "/versions/" + v + "/card", engineer).json();
        assertEquals(model, card.get("name"));
        assertEquals(0, card.get("revision"));
        assertTrue(card.get("metrics").toString().contains("train=0.95"), card.toString());
        assertTrue(card.get("hyperparameters").toString().contains("alpha=0.5"), card.toString());
        assertTrue(card.get("gates").toString().contains("metrics.r2 >= 0.75"), card.toString());

        TestResponse edit = server.send("PATCH", "/api/v1/models/" + model + "/versions/" + v + "/card",
                "{\"sections\":{\"intended_use\":\"Weekly growth forecast <script>alert(1)</script>\",\"limitations\":\"Small accounts\"}}",
                "application/json", reviewer);
        assertEquals(200, edit.status(), edit.body());
        assertEquals(1, edit.json().get("revision"));
        server.send("PATCH", "/api/v1/models/" + model + "/versions/" + v + "/card", "{\"sections\":{\"limitations\":\"\"}}",
                "application/json", engineer);
        TestResponse unknown = server.send("PATCH", "/api/v1/models/" + model + "/versions/" + v + "/card",
                "{\"sections\":{\"metrics\":\"fake\"}}", "application/json", engineer);
        assertEquals(400, unknown.status());

        List<?> revisions = (List<?>) new org.yaml.snakeyaml.Yaml().load(
                server.get("/api/v1/models/" + model + "/versions/" + v + "/card/revisions", engineer).body());
        assertEquals(2, revisions.size());
        String md = server.get("/api/v1/models/" + model + "/versions/" + v + "/card.md", engineer).body();
        assertTrue(md.startsWith("# Model Card: " + model), md);
        assertTrue(md.contains("&lt;script&gt;"), md);
        assertFalse(md.contains("<script>"), md);
        assertTrue(md.contains("| r2 |"), md);
        assertTrue(md.contains("card.update"), md);
        Map<String, Object> audit = server.get("/api/v1/audit?model=" + model + "&action=card.update", engineer).json();
        assertEquals(2, ((List<?>) audit.get("entries")).size());
    }
}
