package dev.ballast.platform.registry;

import dev.ballast.client.testing.TrainedModels;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Serving over real HTTP: every input format, schema errors naming rows and fields, pinned
 * versions, a broken version that never takes over, hot swaps under load without a failed
 * request, a canary split, shadow agreement, and a second replica following a promotion.
 */
class ServingIT {
    private static BallastTestServer server;
    private static ServingFixture fx;
    private static String model;
    private static String v1;
    private static String v2;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start(Map.of("ballast.serving.sync-interval", "200ms"));
        fx = new ServingFixture(server, "serving");
        model = fx.createModel("growth");
        v1 = fx.register(model, TrainedModels.linearRegression());
        v2 = fx.register(model, TrainedModels.regressionTree());
        fx.promote(model, v1, "champion");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, Object> ok(TestResponse r) {
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static double value(Map<String, Object> answer, int row) {
        return ((Number) ((Map<?, ?>) ((List<?>) answer.get("predictions")).get(row)).get("value")).doubleValue();
    }

    @Test
    void predictsOneRowAndBatchesInEveryFormat() {
        Map<String, Object> one = ok(fx.predict("/serving/" + model + "/predict", "{\"inputs\":{\"x1\":0.5,\"x2\":-0.25}}"));
        assertEquals(v1, one.get("version"));
        assertEquals("champion", one.get("alias"));
        assertEquals(1.75, value(one, 0), 0.05);

        Map<String, Object> batch = ok(fx.predict("/serving/" + model + "/predict",
                "{\"instances\":[{\"x1\":0.5,\"x2\":-0.25},{\"x1\":0,\"x2\":0},{\"x1\":1,\"x2\":1}]}"));
        assertEquals(3, ((List<?>) batch.get("predictions")).size());
        assertEquals(-1.0, value(batch, 2), 0.05);

        Map<String, Object> split = ok(fx.predict("/serving/" + model + "/invocations",
                "{\"dataframe_split\":{\"columns\":[\"x2\",\"x1\"],\"data\":[[-0.25,0.5],[1,1]]}}"));
        assertEquals(1.75, ((Number) ((List<?>) split.get("predictions")).get(0)).doubleValue(), 0.05);
        Map<String, Object> records = ok(fx.predict("/serving/" + model + "/invocations",
                "{\"dataframe_records\":[{\"x1\":0.5,\"x2\":-0.25}]}"));
        assertEquals(1.75, ((Number) ((List<?>) records.get("predictions")).get(0)).doubleValue(), 0.05);

        Map<String, Object> pinned = ok(fx.predict("/serving/" + model + "/versions/" + v2 + "/predict",
                "{\"inputs\":{\"x1\":0.5,\"x2\":-0.25}}"));
        assertEquals(v2, pinned.get("version"));
        assertEquals("pinned", pinned.get("route"));
        Map<String, Object> byAlias = ok(fx.predict("/serving/" + model + "@champion/predict", "{\"inputs\":{\"x1\":0,\"x2\":0}}"));
        assertEquals(v1, byAlias.get("version"));

        Map<String, Object> described = ok(server.get("/serving/" + model, fx.engineer));
        assertEquals(v1, described.get("version"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<?> captured = List.of();
        while (captured.size() < 3 && System.nanoTime() < deadline) {
            sleep(100);
            captured = (List<?>) ok(server.get("/api/v1/serving/" + model + "/captures?version=" + v1 + "&max_results=50", fx.engineer))
                    .get("captures");
        }
        assertTrue(captured.size() >= 3, "served rows are captured for drift monitoring: " + captured);
        String metrics = server.get("/prometheus", null).body();
        for (String series : List.of("ballast_serving_requests_total{", "ballast_serving_latency_seconds_bucket{",
                "ballast_serving_batch_size_bucket{")) {
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith(series) && l.contains("model=\"" + model + "\"")
                    && l.contains("version=\"" + v1 + "\"")), series + " for " + model + " v" + v1);
        }
        assertTrue(described.get("input_schema").toString().contains("x2"), described.toString());
    }

    @Test
    void aTokenLimitedToOneModelServesThatModelOnly() {
        TestResponse issued = server.postJson("/api/v1/tokens", "{\"name\":\"growth-client\",\"serving_model\":\"" + model + "\"}",
                fx.engineer);
        assertEquals(200, issued.status(), issued.body());
        String token = BallastTestServer.bearer((String) issued.json().get("token"));
        TestResponse served = server.postJson("/serving/" + model + "/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}", token);
        assertEquals(200, served.status(), served.body());
        assertEquals(200, server.postJson("/serving/" + model + "@champion/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}", token).status());
        String other = fx.createModel("other");
        assertEquals(403, server.postJson("/serving/" + other + "/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}", token).status());
        assertEquals(403, server.get("/api/2.0/mlflow/registered-models/get?name=" + model, token).status());
    }

    @Test
    void refusesInputThatDoesNotMatchTheSchemaNamingRowsAndFields() {
        TestResponse bad = fx.predict("/serving/" + model + "/predict",
                "{\"instances\":[{\"x1\":0.5},{\"x1\":\"abc\",\"x2\":1},{\"x1\":1,\"x2\":null,\"x3\":2},{\"x1\":\"NaN\",\"x2\":true}]}");
        assertEquals(400, bad.status());
        assertEquals("INVALID_PARAMETER_VALUE", bad.errorCode());
        String message = (String) bad.json().get("message");
        for (String expected : List.of("row 0: missing feature 'x2'", "row 1: feature 'x1' must be a number, got the string \"abc\"",
                "row 2: feature 'x2' is null", "row 2: unknown feature [x3]", "row 3: feature 'x1' is NaN", "row 3: feature 'x2' must be a number")) {
            assertTrue(message.contains(expected), message);
        }
        StringBuilder big = new StringBuilder("{\"instances\":[");
        for (int i = 0; i < 1001; i++) {
            big.append(i == 0 ? "" : ",").append("{\"x1\":1,\"x2\":1}");
        }
        TestResponse tooMany = fx.predict("/serving/" + model + "/predict", big.append("]}").toString());
        assertEquals(400, tooMany.status());
        assertTrue(server.get("/prometheus", null).body().lines().anyMatch(l -> l.startsWith("ballast_serving_errors_total{")
                && l.contains("model=\"" + model + "\"") && l.contains("INVALID_PARAMETER_VALUE")), "errors are counted by code");
        assertTrue(tooMany.body().contains("more than 1000 rows"), tooMany.body());
        assertEquals(400, fx.predict("/serving/" + model + "/predict", "{\"rows\":[]}").status());
        assertEquals(400, fx.predict("/serving/" + model + "/predict", "{\"inputs\":").status());
        assertEquals(404, fx.predict("/serving/no-such-model/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}").status());
        assertEquals(404, fx.predict("/serving/" + model + "@nobody/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}").status());
        assertEquals(401, server.postJson("/serving/" + model + "/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}", null).status());
    }

    @Test
    void aVersionThatFailsToLoadAnswers503WhileThePreviousKeepsServing() throws IOException {
        String other = fx.createModel("fragile");
        String good = fx.register(other, TrainedModels.linearRegression());
        fx.promote(other, good, "champion");
        ok(fx.predict("/serving/" + other + "/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}"));
        String broken = fx.register(other, TrainedModels.linearRegression());
        corruptModelFile(other, broken);

        TestResponse pinned = fx.predict("/serving/" + other + "/versions/" + broken + "/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}");
        assertEquals(503, pinned.status(), pinned.body());
        assertEquals("TEMPORARILY_UNAVAILABLE", pinned.errorCode());

        fx.promote(other, broken, "champion");
        for (int i = 0; i < 20; i++) {
            Map<String, Object> answer = ok(fx.predict("/serving/" + other + "/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}"));
            assertEquals(good, answer.get("version"), "the previous version keeps serving");
            sleep(50);
        }
        Map<String, Object> described = ok(server.get("/serving/" + other, fx.engineer));
        assertEquals(broken, described.get("pending_version"), described.toString());
        assertTrue(described.get("load_error").toString().contains("changed since registration"), described.toString());
    }

    @Test
    void hotSwapsUnderLoadWithoutAFailedRequest() throws Exception {
        String swap = fx.createModel("swap");
        String a = fx.register(swap, TrainedModels.linearRegression());
        String b = fx.register(swap, TrainedModels.regressionTree());
        fx.promote(swap, a, "champion");
        ok(fx.predict("/serving/" + swap + "/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}"));

        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, AtomicInteger> byVersion = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            clients.add(pool.submit(() -> {
                while (running.get()) {
                    TestResponse r = fx.predict("/serving/" + swap + "/predict", "{\"inputs\":{\"x1\":0.5,\"x2\":-0.25}}");
                    if (r.status() != 200) {
                        failures.add(r.toString());
                    } else {
                        byVersion.computeIfAbsent((String) r.json().get("version"), k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }));
        }
        try {
            sleep(300);
            fx.promote(swap, b, "champion");
            awaitVersion(swap, b);
            sleep(300);
            fx.promote(swap, a, "champion");
            awaitVersion(swap, a);
            sleep(300);
        } finally {
            running.set(false);
            for (Future<?> f : clients) {
                f.get();
            }
            pool.shutdown();
        }
        assertEquals(List.of(), failures);
        assertTrue(byVersion.get(a).get() > 0 && byVersion.get(b).get() > 0, byVersion.toString());
    }

    @Test
    void canarySplitsTrafficStickyByKeyAndShadowRecordsAgreement() throws Exception {
        String canary = fx.createModel("canary");
        String primary = fx.register(canary, TrainedModels.linearRegression());
        String candidate = fx.register(canary, TrainedModels.regressionTree());
        fx.promote(canary, primary, "champion");
        assertEquals(403, server.send("PUT", "/api/v1/serving/" + canary + "/policy", "{\"mode\":\"canary\",\"candidate_version\":\""
                + candidate + "\",\"percent\":20}", "application/json", fx.engineer).status());
        TestResponse set = server.send("PUT", "/api/v1/serving/" + canary + "/policy", "{\"mode\":\"canary\",\"candidate_version\":\""
                + candidate + "\",\"percent\":20}", "application/json", fx.reviewer);
        assertEquals(200, set.status(), set.body());
        awaitCandidate(canary, candidate);

        int total = 10_000;
        AtomicInteger toCandidate = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < total / 4; i++) {
                    Map<String, Object> r = ok(fx.predict("/serving/" + canary + "/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}"));
                    if (candidate.equals(r.get("version"))) {
                        assertEquals("canary", r.get("route"));
                        toCandidate.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double share = toCandidate.get() / (double) total;
        assertTrue(Math.abs(share - 0.20) < 0.02, "canary share " + share);

        String sticky = null;
        for (int i = 0; i < 20; i++) {
            TestResponse r = server.send("POST", "/serving/" + canary + "/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}", "application/json",
                    fx.engineer, Map.of("X-Ballast-Request-Key", "client-42"));
            String version = (String) r.json().get("version");
            assertTrue(sticky == null || sticky.equals(version), "a key stays on one side");
            sticky = version;
        }

        assertEquals(200, server.send("PUT", "/api/v1/serving/" + canary + "/policy", "{\"mode\":\"shadow\",\"candidate_version\":\""
                + candidate + "\"}", "application/json", fx.reviewer).status());
        awaitMode(canary, "shadow");
        for (int i = 0; i < 50; i++) {
            Map<String, Object> r = ok(fx.predict("/serving/" + canary + "/predict", "{\"inputs\":{\"x1\":0.3,\"x2\":0.1}}"));
            assertEquals(primary, r.get("version"), "the shadow never answers");
        }
        Map<?, ?> stats = awaitShadow(canary, 50);
        assertTrue(((Number) stats.get("mean_absolute_difference")).doubleValue() > 0, stats.toString());
        Map<String, Object> audit = server.get("/api/v1/audit?model=" + canary + "&action=serving.policy", fx.engineer).json();
        assertEquals(2, ((List<?>) audit.get("entries")).size());
    }

    @Test
    void aSecondReplicaFollowsAPromotionWithinSeconds() {
        String shared = fx.createModel("replicated");
        String a = fx.register(shared, TrainedModels.linearRegression());
        String b = fx.register(shared, TrainedModels.regressionTree());
        fx.promote(shared, a, "champion");
        try (BallastTestServer replica = server.replica(Map.of())) {
            TestResponse first = replica.postJson("/serving/" + shared + "/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}", fx.engineer);
            assertEquals(a, first.json().get("version"), first.body());
            fx.promote(shared, b, "champion");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            String seen = a;
            while (!b.equals(seen) && System.nanoTime() < deadline) {
                sleep(50);
                seen = (String) replica.postJson("/serving/" + shared + "/predict", "{\"inputs\":{\"x1\":1,\"x2\":1}}", fx.engineer)
                        .json().get("version");
            }
            assertEquals(b, seen, "the replica switched within 5 s");
        }
    }

    private static void corruptModelFile(String name, String version) throws IOException {
        Map<String, Object> spec = ok(server.get("/api/v1/models/" + name + "/versions/" + version + "/spec", fx.engineer));
        Path root = server.home().resolve("artifacts");
        Path file = root.resolve((String) spec.get("model_path"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);
    }

    private static void awaitVersion(String name, String version) {
        awaitField(name, "version", version);
    }

    private static void awaitCandidate(String name, String version) {
        awaitField(name, "candidate_version", version);
    }

    private static void awaitMode(String name, String mode) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> d = ok(server.get("/serving/" + name, fx.engineer));
            if (String.valueOf(d.get("traffic_in_effect")).contains("mode=" + mode) && d.get("candidate_version") != null) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("mode " + mode + " not in effect");
    }

    private static void awaitField(String name, String field, String value) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Map<String, Object> d = null;
        while (System.nanoTime() < deadline) {
            d = ok(server.get("/serving/" + name, fx.engineer));
            if (value.equals(d.get(field))) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError(field + " never became " + value + ": " + d);
    }

    private static Map<?, ?> awaitShadow(String name, int rows) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<?> shadow = (List<?>) ok(server.get("/serving/" + name, fx.engineer)).get("shadow");
            if (shadow != null && !shadow.isEmpty() && ((Number) ((Map<?, ?>) shadow.get(0)).get("rows_compared")).intValue() >= rows) {
                return (Map<?, ?>) shadow.get(0);
            }
            sleep(50);
        }
        throw new AssertionError("shadow comparisons never reached " + rows);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
