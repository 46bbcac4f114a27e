package dev.ballast.platform.registry;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import dev.ballast.registry.app.serving.capture.CaptureStats;
import dev.ballast.registry.domain.serving.CapturedPrediction;
import dev.ballast.registry.app.serving.capture.PredictionCapture;
import dev.ballast.registry.app.serving.metrics.ServingMetrics;
import dev.ballast.registry.domain.serving.CaptureStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prediction capture on a running Ballast and a real database: captured rows are written and read
 * back through the captures API and the drift monitor's {@link CaptureStore#window} port, and
 * capture stays bounded when offered far more than the database takes (a queue of 100 rows and
 * four threads offering 200,000): offers return at once, the overflow is dropped and counted,
 * and every offered row is accounted for once the writer has drained. Serving endpoints are not
 * involved: the test drives the {@link PredictionCapture} bean as they do.
 */
class PredictionCaptureIT {
    private static final int QUEUE = 100;
    private static final long T0 = 1_700_000_000_000L;

    private static BallastTestServer server;
    private static PredictionCapture capture;
    private static CaptureStore store;
    private static String admin;
    private static String engineer;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start(Map.of(
                "ballast.serving.capture.queue-size", QUEUE,
                "ballast.serving.capture.batch-size", 50,
                "ballast.serving.capture.flush-interval", "100ms"));
        capture = server.context().getBean(PredictionCapture.class);
        store = server.context().getBean(CaptureStore.class);
        admin = server.adminAuth();
        engineer = server.createUser("capture-engineer", "ENGINEER");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static CapturedPrediction churn(int version, String alias, long at, double age, boolean shadow) {
        Map<String, Double> inputs = new LinkedHashMap<>();
        inputs.put("age", age);
        inputs.put("tenure", at - T0 + 0.5);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("label", age > 40 ? "churn" : "stay");
        output.put("scores", Map.of("churn", age / 100, "stay", 1 - age / 100));
        return new CapturedPrediction("capture-it-churn", version, alias, at, inputs, output, shadow);
    }

    @Test
    void capturedRowsAreReadableThroughTheApiAndTheWindowPort() {
        capture.offer(churn(1, "champion", T0, 30, false));
        capture.offer(churn(1, "champion", T0 + 10, 50, false));
        capture.offer(churn(2, "challenger", T0 + 20, 45, false));
        capture.offer(churn(2, null, T0 + 10, 50, true));
        capture.offer(new CapturedPrediction("capture-it-price", 7, null, T0 + 5, Map.of("rooms", 3.0), Map.of("value", 250.5), false));
        awaitTrue(() -> store.count("capture-it-churn", null, 0, Long.MAX_VALUE) == 3
                && store.count("capture-it-price", 7, 0, Long.MAX_VALUE) == 1, "the rows are written");

        List<CapturedPrediction> v1 = store.window("capture-it-churn", 1, T0, T0 + 100, 10);
        assertEquals(List.of(T0 + 10, T0), v1.stream().map(CapturedPrediction::timestamp).toList(), "newest first");
        assertEquals(churn(1, "champion", T0 + 10, 50, false), v1.get(0));
        assertEquals(2, store.window("capture-it-churn", 2, 0, Long.MAX_VALUE, 10).size(), "a version's rows include its shadow ones");
        assertEquals(3, store.count("capture-it-churn", null, T0, T0 + 100), "without a version: primary rows only");
        assertEquals(1, store.count("capture-it-churn", null, T0, T0 + 10), "the window's end is exclusive");
        assertEquals(1, store.window("capture-it-churn", null, 0, Long.MAX_VALUE, 1).size(), "the limit");
        assertEquals(Map.of("value", 250.5), store.window("capture-it-price", 7, 0, Long.MAX_VALUE, 1).get(0).output());

        TestResponse r = server.get("/api/v1/serving/capture-it-churn/captures", engineer);
        assertEquals(200, r.status(), r.toString());
        List<Map<String, Object>> rows = captures(r);
        assertEquals(3, rows.size());
        Map<String, Object> newest = rows.get(0);
        assertEquals("capture-it-churn", newest.get("model"));
        assertEquals(2, newest.get("version"));
        assertEquals("challenger", newest.get("alias"));
        assertEquals(T0 + 20, ((Number) newest.get("captured_at")).longValue());
        assertEquals(false, newest.get("shadow"));
        assertEquals(45.0, ((Map<?, ?>) newest.get("inputs")).get("age"));
        assertEquals("churn", ((Map<?, ?>) newest.get("output")).get("label"));
        assertEquals(0.45, ((Map<?, ?>) ((Map<?, ?>) newest.get("output")).get("scores")).get("churn"));

        List<Map<String, Object>> v2 = captures(server.get("/api/v1/serving/capture-it-churn/captures?version=2", admin));
        assertEquals(List.of(false, true), v2.stream().map(m -> m.get("shadow")).toList());
        assertEquals(null, v2.get(1).get("alias"));
        List<Map<String, Object>> windowed = captures(server.get(
                "/api/v1/serving/capture-it-churn/captures?since=" + (T0 + 10) + "&until=" + (T0 + 20) + "&max_results=5", admin));
        assertEquals(1, windowed.size());
        assertEquals(50.0, ((Map<?, ?>) windowed.get(0).get("inputs")).get("age"));
        assertEquals(List.of(), captures(server.get("/api/v1/serving/no-such-model/captures", admin)));

        TestResponse bad = server.get("/api/v1/serving/capture-it-churn/captures?max_results=0", admin);
        assertEquals(400, bad.status());
        assertEquals("INVALID_PARAMETER_VALUE", bad.errorCode());
        assertEquals(400, server.get("/api/v1/serving/capture-it-churn/captures?since=5&until=4", admin).status());
        assertEquals(401, server.get("/api/v1/serving/capture-it-churn/captures", null).status());
    }

    @Test
    void captureStatsAreForAdmins() {
        TestResponse r = server.get("/api/v1/serving/capture-stats", admin);
        assertEquals(200, r.status(), r.toString());
        Map<String, Object> stats = r.json();
        assertEquals(true, stats.get("enabled"));
        assertEquals(QUEUE, stats.get("queue_capacity"));
        assertTrue(stats.keySet().containsAll(List.of("offered", "sampled_out", "enqueued", "dropped", "written", "failed",
                "queue_depth")), stats.toString());
        assertEquals(403, server.get("/api/v1/serving/capture-stats", engineer).status());
    }

    /**
     * The writer (batches of 50, one transaction each) cannot keep up with four threads offering as
     * fast as they can, so the queue of 100 fills: offers must still return at once. Wall-clock
     * times include the OS descheduling a thread (or a GC pause) on a busy machine, so one call
     * in 10,000 may take over 50 ms; an offer that waited for room would wait for whole database batches, every time.
     */
    @Test
    void captureStaysBoundedUnderOverload() throws Exception {
        CaptureStats before = awaitDrained();
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicInteger maxDepth = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (producing.get()) {
                maxDepth.accumulateAndGet(capture.stats().queueDepth(), Math::max);
                LockSupport.parkNanos(100_000);
            }
        });
        watcher.start();
        int threads = 4;
        int perThread = 50_000;
        ExecutorService producers = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> timings = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            timings.add(producers.submit(() -> {
                long worst = 0;
                long slow = 0;
                for (int i = 0; i < perThread; i++) {
                    CapturedPrediction p = new CapturedPrediction("capture-it-load", 1 + thread % 2, "champion", T0 + i,
                            Map.of("x", (double) i, "y", (double) thread), Map.of("value", i * 0.5), false);
                    long start = System.nanoTime();
                    capture.offer(p);
                    long took = System.nanoTime() - start;
                    worst = Math.max(worst, took);
                    if (took > TimeUnit.MILLISECONDS.toNanos(50)) {
                        slow++;
                    }
                }
                return new long[] {worst, slow};
            }));
        }
        long slowCalls = 0;
        long worst = 0;
        for (Future<long[]> f : timings) {
            long[] t = f.get(120, TimeUnit.SECONDS);
            worst = Math.max(worst, t[0]);
            slowCalls += t[1];
        }
        producers.shutdown();
        producing.set(false);
        watcher.join();
        assertTrue(worst < TimeUnit.SECONDS.toNanos(1), "an offer took " + worst / 1_000_000 + " ms");
        assertTrue(slowCalls <= threads * perThread / 10_000, slowCalls + " of " + threads * perThread + " offers took over 50 ms");
        assertTrue(maxDepth.get() <= QUEUE, "queue depth reached " + maxDepth.get());

        CaptureStats after = awaitDrained();
        long offered = after.offered() - before.offered();
        long dropped = after.dropped() - before.dropped();
        long written = after.written() - before.written();
        long failed = after.failed() - before.failed();
        long sampledOut = after.sampledOut() - before.sampledOut();
        System.out.printf("[capture] offered %d: written %d, dropped %d, failed %d; slowest offer %.3f ms, %d over 50 ms%n",
                offered, written, dropped, failed, worst / 1e6, slowCalls);
        assertEquals(threads * perThread, offered);
        assertTrue(dropped > 0, "nothing dropped: " + after);
        assertEquals(offered, written + dropped + sampledOut + failed, after.toString());
        assertEquals(0, failed);
        assertEquals(written, store.count("capture-it-load", 1, 0, Long.MAX_VALUE) + store.count("capture-it-load", 2, 0, Long.MAX_VALUE),
                "every row counted as written is in the table");

        String metrics = server.get("/prometheus", null).body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("ballast_serving_capture_dropped_total ")
                && Double.parseDouble(l.substring(l.indexOf(' ') + 1)) >= dropped), "dropped in /prometheus");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("ballast_serving_capture_written_total ")
                && Double.parseDouble(l.substring(l.indexOf(' ') + 1)) >= written), "written in /prometheus");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("ballast_serving_capture_queue_depth ")), "queue depth in /prometheus");
        assertTrue(metrics.contains("# HELP ballast_serving_capture_dropped_total "), "dropped has a description");
    }

    /** The serving series as Prometheus scrapes them, and {@code promtool check metrics} accepts them when it is installed. */
    @Test
    void servingSeriesAreExported() throws Exception {
        ServingMetrics metrics = server.context().getBean(ServingMetrics.class);
        metrics.request("capture-it-churn", 3, "predict", 200, 700_000, 4);
        metrics.request("capture-it-churn", 3, "invocations", 400, 100_000, 0);
        metrics.error("capture-it-churn", null, "RESOURCE_DOES_NOT_EXIST");
        metrics.shadow("capture-it-churn", 3, 4, "disagreement_rate", 0.25);
        metrics.shadowCompared("capture-it-churn", 3, 4, 4, 1);
        String scrape = server.get("/prometheus", null).body();
        for (String series : List.of(
                "ballast_serving_requests_total{endpoint=\"predict\",model=\"capture-it-churn\",status=\"200\",version=\"3\"} 1",
                "ballast_serving_latency_seconds_bucket{model=\"capture-it-churn\",version=\"3\",le=\"0.001\"} 2",
                "ballast_serving_latency_seconds_count{model=\"capture-it-churn\",version=\"3\"} 2",
                "ballast_serving_batch_size_count{model=\"capture-it-churn\",version=\"3\"} 1",
                "ballast_serving_errors_total{code=\"RESOURCE_DOES_NOT_EXIST\",model=\"capture-it-churn\",version=\"none\"} 1",
                "ballast_serving_shadow_difference_sum{measure=\"disagreement_rate\",model=\"capture-it-churn\",primary=\"3\",shadow=\"4\"} 0.25",
                "ballast_serving_shadow_disagreements_total{model=\"capture-it-churn\",primary=\"3\",shadow=\"4\"} 1",
                "ballast_serving_capture_written_total ")) {
            assertTrue(scrape.contains(series), "/prometheus lacks " + series);
        }
        Path promtool = Path.of("/usr/bin/promtool");
        if (Files.isExecutable(promtool)) {
            Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(scrape.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "promtool check metrics:\n" + out);
        }
    }

    @Test
    void aWrongSettingStopsStartUpNamingTheKey() {
        Throwable e = assertThrows(RuntimeException.class,
                () -> BallastTestServer.start(Map.of("ballast.serving.capture.sample-rate", "1.5")).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("ballast.serving.capture.sample-rate must be between 0 and 1"), messages.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> captures(TestResponse r) {
        assertEquals(200, r.status(), r.toString());
        return (List<Map<String, Object>>) r.json().get("captures");
    }

    private static CaptureStats awaitDrained() {
        awaitTrue(() -> {
            CaptureStats s = capture.stats();
            return s.queueDepth() == 0 && s.offered() == s.sampledOut() + s.dropped() + s.written() + s.failed();
        }, "the capture writer drains");
        return capture.stats();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; capture " + capture.stats());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
