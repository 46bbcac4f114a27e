package dev.ballast.platform.registry;

import dev.ballast.drift.app.monitor.MonitorService;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drift monitors of served models: the reference is the training data found in the served
 * version's lineage (or a frozen window of served inputs), the current sample the captured
 * inputs (the newest rows, or a recent time window). Inputs from the training distribution find
 * no drift; shifted inputs do; every check is stored with its histograms and per-feature series;
 * scheduled checks (interval or cron) run once across replicas and follow changes, pauses and
 * deletions of the monitor.
 */
class DriftMonitorIT {
    private static BallastTestServer server;
    private static DriftMonitorFixture dm;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start(Map.of("ballast.serving.sync-interval", "200ms",
                "ballast.serving.capture.flush-interval", "100ms"));
        dm = new DriftMonitorFixture(server, "drift");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void scheduledChecksRunOncePerPeriodAcrossTwoReplicas() throws Exception {
        String model = dm.servedModelWithLineage("scheduled");
        dm.serveBatch(model, 150, 0.0, 21);
        dm.awaitCaptured(model, 150);
        try (BallastTestServer replica = server.replica(Map.of())) {
            TestResponse created = replica.postJson("/api/v1/drift/monitors", "{\"model\":\"" + model
                    + "\",\"current_rows\":150,\"schedule_seconds\":1}", dm.fx.engineer);
            assertEquals(201, created.status(), created.body());
            long monitor = ((Number) created.json().get("id")).longValue();
            Thread.sleep(4500);
            List<?> checks = dm.checks(monitor);
            assertTrue(checks.size() >= 3 && checks.size() <= 6, "about one check per second: " + checks.size());
            for (int i = 1; i < checks.size(); i++) {
                long later = ((Number) ((Map<?, ?>) checks.get(i - 1)).get("checked_at")).longValue();
                long earlier = ((Number) ((Map<?, ?>) checks.get(i)).get("checked_at")).longValue();
                assertTrue(later - earlier >= 700, "no check ran twice in one period: " + (later - earlier) + " ms apart");
            }
        }
    }

    @Test
    void cronChecksRunOncePerFiringAcrossTwoReplicas() throws Exception {
        String model = dm.servedModelWithLineage("cron");
        dm.serveBatch(model, 150, 0.0, 22);
        dm.awaitCaptured(model, 150);
        try (BallastTestServer replica = server.replica(Map.of())) {
            TestResponse created = replica.postJson("/api/v1/drift/monitors", "{\"model\":\"" + model
                    + "\",\"current_rows\":150,\"schedule_cron\":\"* * * * * *\"}", dm.fx.engineer);
            assertEquals(201, created.status(), created.body());
            assertEquals("* * * * * *", created.json().get("schedule_cron"));
            assertNull(created.json().get("schedule_seconds"));
            long monitor = ((Number) created.json().get("id")).longValue();
            Thread.sleep(4500);
            int checks = dm.checks(monitor).size();
            // every second fires once: two replicas each running every firing would store about twice as many
            assertTrue(checks >= 2 && checks <= 6, "about one check per firing of the cron: " + checks);
        }
    }

    @Test
    void findsDriftInShiftedServedInputsAndNoneInUnshiftedOnes() throws Exception {
        String model = dm.servedModelWithLineage("monitored");
        String dataset = "drift-train-" + model;

        long monitor = dm.createMonitor("{\"model\":\"" + model + "\",\"current_rows\":300}");
        assertEquals(403, server.postJson("/api/v1/drift/monitors", "{\"model\":\"" + model + "\"}", dm.fx.reviewer).status());
        Map<String, Object> view = server.get("/api/v1/drift/monitors/" + monitor, dm.fx.engineer).json();
        assertEquals("lineage", view.get("reference_kind"));
        assertNull(view.get("features"), "every numeric input by default");
        assertNull(view.get("next_check_at"), "no schedule");

        dm.serve(model, 300, 0.0, 11);
        dm.awaitCaptured(model, 300);
        Map<String, Object> calm = dm.check(monitor);
        assertEquals("no_drift", calm.get("verdict"), calm.toString());
        assertEquals("1", calm.get("model_version"));
        assertEquals(300, ((Number) calm.get("current_rows")).intValue());
        Map<?, ?> report = (Map<?, ?>) calm.get("report");
        assertEquals(dataset, ((Map<?, ?>) report.get("reference")).get("dataset"), "the reference comes from the lineage");

        dm.serve(model, 300, 1.5, 12);
        dm.awaitCaptured(model, 600);
        Map<String, Object> shifted = dm.check(monitor);
        assertEquals("drift", shifted.get("verdict"), shifted.toString());
        assertTrue(shifted.get("report").toString().contains("feature=x1"), shifted.toString());

        String prometheus = server.get("/prometheus", null).body();
        assertTrue(prometheus.lines().anyMatch(l -> l.startsWith("ballast_drift_detected{") && l.contains("model=\"" + model + "\"")
                && l.endsWith(" 1.0")), "the monitor's latest verdict is exported");
        assertTrue(prometheus.lines().anyMatch(l -> l.startsWith("ballast_drift_p_value{") && l.contains("feature=\"x1\"")));
        assertTrue(prometheus.lines().anyMatch(l -> l.startsWith("ballast_drift_statistic{") && l.contains("feature=\"x2\"")));

        List<?> checks = dm.checks(monitor);
        assertEquals(2, checks.size());
        assertEquals("drift", ((Map<?, ?>) checks.get(0)).get("verdict"), "newest first");
        assertFalse(((Map<?, ?>) checks.get(0)).containsKey("histograms"), "the list stays light");

        histogramsAndSeries(monitor, shifted, calm);
    }

    /** The full check answers histograms on shared edges that count every tested value; the series draws a feature over time. */
    private static void histogramsAndSeries(long monitor, Map<String, Object> shifted, Map<String, Object> calm) {
        long checkId = ((Number) shifted.get("id")).longValue();
        Map<String, Object> detail = server.get("/api/v1/drift/monitors/" + monitor + "/checks/" + checkId, dm.fx.engineer).json();
        assertEquals(shifted.get("report"), detail.get("report"));
        List<?> histograms = (List<?>) detail.get("histograms");
        assertEquals(2, histograms.size(), detail.toString());
        Map<?, ?> x1 = (Map<?, ?>) histograms.stream().filter(h -> "x1".equals(((Map<?, ?>) h).get("feature"))).findFirst().orElseThrow();
        List<?> edges = (List<?>) x1.get("edges");
        List<?> reference = (List<?>) x1.get("reference");
        List<?> current = (List<?>) x1.get("current");
        assertEquals(21, edges.size());
        assertEquals(20, reference.size());
        assertEquals(20, current.size());
        for (int i = 1; i < edges.size(); i++) {
            assertTrue(((Number) edges.get(i)).doubleValue() > ((Number) edges.get(i - 1)).doubleValue(), "ascending edges " + edges);
        }
        Map<?, ?> x1Result = ((List<?>) ((Map<?, ?>) detail.get("report")).get("features")).stream().map(f -> (Map<?, ?>) f)
                .filter(f -> "x1".equals(f.get("feature"))).findFirst().orElseThrow();
        assertEquals(((Number) x1Result.get("reference_size")).longValue(), sum(reference), "every reference value is in a bin");
        assertEquals(((Number) x1Result.get("current_size")).longValue(), sum(current), "every current value is in a bin");
        // the current x1 is shifted by 1.5: its mass sits in the upper bins, the training data's does not
        assertTrue(upperHalf(current) > 0.8 * sum(current) && upperHalf(reference) < 0.5 * sum(reference), x1.toString());
        assertEquals(404, server.get("/api/v1/drift/monitors/" + monitor + "/checks/999999", dm.fx.engineer).status());

        Map<String, Object> series = server.get("/api/v1/drift/monitors/" + monitor + "/series?feature=x1", dm.fx.engineer).json();
        List<?> points = (List<?>) series.get("points");
        assertEquals(2, points.size());
        Map<?, ?> first = (Map<?, ?>) points.get(0);
        Map<?, ?> second = (Map<?, ?>) points.get(1);
        assertEquals(((Number) calm.get("id")).longValue(), ((Number) first.get("check_id")).longValue(), "oldest first");
        assertEquals("no_drift", first.get("verdict"));
        assertEquals("drift", second.get("verdict"));
        assertEquals(((Number) x1Result.get("statistic")).doubleValue(), ((Number) second.get("statistic")).doubleValue(), 1e-12);
        assertEquals(((Number) x1Result.get("p_value")).doubleValue(), ((Number) second.get("p_value")).doubleValue(), 1e-12);
        assertNotNull(second.get("adjusted_p_value"));
        assertNotNull(second.get("psi"));
        assertEquals(List.of(), server.get("/api/v1/drift/monitors/" + monitor + "/series?feature=nope", dm.fx.engineer).json()
                .get("points"));
        assertEquals(400, server.get("/api/v1/drift/monitors/" + monitor + "/series", dm.fx.engineer).status());
    }

    @Test
    void aFrozenWindowOfServedInputsIsTheReference() throws Exception {
        String model = dm.servedModelWithLineage("window");
        long from = System.currentTimeMillis();
        dm.serveBatch(model, 300, 0.0, 31);
        dm.awaitCaptured(model, 300);
        Thread.sleep(5);
        long to = System.currentTimeMillis();
        Thread.sleep(5);
        long monitor = dm.createMonitor("{\"model\":\"" + model + "\",\"current_rows\":300,\"reference_window_from\":" + from
                + ",\"reference_window_to\":" + to + "}");
        Map<String, Object> view = server.get("/api/v1/drift/monitors/" + monitor, dm.fx.engineer).json();
        assertEquals("window", view.get("reference_kind"));
        assertEquals("1", view.get("reference_window_version"), "the version behind the alias at creation");
        assertEquals(from, ((Number) view.get("reference_window_from")).longValue());

        dm.serveBatch(model, 300, 0.0, 32);
        dm.awaitCaptured(model, 600);
        Map<String, Object> calm = dm.check(monitor);
        assertEquals("no_drift", calm.get("verdict"), calm.toString());
        Map<?, ?> report = (Map<?, ?>) calm.get("report");
        assertNull(report.get("reference"), "no dataset was read");
        for (Object f : (List<?>) report.get("features")) {
            assertEquals(300, ((Number) ((Map<?, ?>) f).get("reference_size")).intValue(), "the window's rows: " + f);
        }

        dm.serveBatch(model, 300, 1.5, 33);
        dm.awaitCaptured(model, 900);
        Map<String, Object> shifted = dm.check(monitor);
        assertEquals("drift", shifted.get("verdict"), shifted.toString());
    }

    @Test
    void theCurrentSampleCanBeARecentTimeWindow() throws Exception {
        String model = dm.servedModelWithLineage("recent");
        dm.serveBatch(model, 300, 1.5, 41);
        dm.awaitCaptured(model, 300);
        Thread.sleep(3000);
        dm.serveBatch(model, 300, 0.0, 42);
        dm.awaitCaptured(model, 600);

        long recent = dm.createMonitor("{\"model\":\"" + model + "\",\"current_window_seconds\":2}");
        Map<String, Object> view = server.get("/api/v1/drift/monitors/" + recent, dm.fx.engineer).json();
        assertEquals(2, ((Number) view.get("current_window_seconds")).intValue());
        assertEquals(MonitorService.MAX_CURRENT_ROWS, ((Number) view.get("current_rows")).intValue(), "capped at the maximum");
        Map<String, Object> calm = dm.check(recent);
        assertEquals(300, ((Number) calm.get("current_rows")).intValue(), "only the rows of the last 2 seconds");
        assertEquals("no_drift", calm.get("verdict"), calm.toString());

        long minute = dm.createMonitor("{\"model\":\"" + model + "\",\"current_window_seconds\":60}");
        Map<String, Object> both = dm.check(minute);
        assertEquals(600, ((Number) both.get("current_rows")).intValue());
        assertEquals("drift", both.get("verdict"), "half of the last minute's x1 is shifted: " + both);

        Thread.sleep(2100);
        Map<String, Object> quiet = dm.check(recent);
        assertEquals(0, ((Number) quiet.get("current_rows")).intValue());
        assertEquals("insufficient_data", quiet.get("verdict"), "no traffic never reads as healthy: " + quiet);
        assertEquals(2, dm.checks(recent).size(), "stored like any other check");
    }

    @Test
    void explicitFeaturesAreTestedAloneAndCheckedAgainstInputsAndReference() throws Exception {
        String model = dm.servedModelWithLineage("features");
        dm.serveBatch(model, 200, 1.5, 51);
        dm.awaitCaptured(model, 200);
        long monitor = dm.createMonitor("{\"model\":\"" + model + "\",\"features\":[\"x2\"]}");
        assertEquals(List.of("x2"), server.get("/api/v1/drift/monitors/" + monitor, dm.fx.engineer).json().get("features"));
        Map<String, Object> check = dm.check(monitor);
        List<?> features = (List<?>) ((Map<?, ?>) check.get("report")).get("features");
        assertEquals(1, features.size());
        assertEquals("x2", ((Map<?, ?>) features.get(0)).get("feature"));
        assertEquals("no_drift", check.get("verdict"), "x1 drifted but is not monitored: " + check);

        TestResponse notInput = server.postJson("/api/v1/drift/monitors", "{\"model\":\"" + model + "\",\"features\":[\"x1\",\"x3\"]}",
                dm.fx.engineer);
        assertEquals(400, notInput.status(), notInput.body());
        assertTrue(notInput.body().contains("'x3' is not a numeric input"), notInput.body());

        String textual = "text-" + model;
        StringBuilder csv = new StringBuilder("x1,x2\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i / 100.0 - 1).append(",v").append(i % 3).append('\n');
        }
        dm.upload(textual, csv.toString());
        TestResponse notNumeric = server.postJson("/api/v1/drift/monitors", "{\"model\":\"" + model + "\",\"reference_dataset\":\""
                + textual + "\",\"reference_version\":\"latest\",\"features\":[\"x2\"]}", dm.fx.engineer);
        assertEquals(400, notNumeric.status(), notNumeric.body());
        assertTrue(notNumeric.body().contains("'x2' is not numeric in the reference"), notNumeric.body());

        TestResponse patched = dm.patch(monitor, "{\"features\":null}");
        assertEquals(200, patched.status(), patched.body());
        assertNull(patched.json().get("features"));
        assertEquals("drift", dm.check(monitor).get("verdict"), "x1 is tested again");
    }

    @Test
    void changesPausesAndDeletionsMoveTheScheduledExecution() throws Exception {
        String model = dm.servedModelWithLineage("managed");
        dm.serveBatch(model, 150, 0.0, 61);
        dm.awaitCaptured(model, 150);
        long monitor = dm.createMonitor("{\"model\":\"" + model + "\",\"schedule_seconds\":3600}");
        Map<String, Object> view = server.get("/api/v1/drift/monitors/" + monitor, dm.fx.engineer).json();
        assertNotNull(view.get("next_check_at"), view.toString());

        TestResponse toCron = dm.patch(monitor, "{\"schedule_cron\":\"0 0 0 1 1 *\",\"alpha\":0.01}");
        assertEquals(200, toCron.status(), toCron.body());
        assertEquals("0 0 0 1 1 *", toCron.json().get("schedule_cron"));
        assertNull(toCron.json().get("schedule_seconds"), "one schedule replaces the other");
        assertEquals(0.01, ((Number) toCron.json().get("alpha")).doubleValue());
        long nextNewYear = java.time.LocalDate.now(java.time.ZoneOffset.UTC).withDayOfYear(1).plusYears(1)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        assertEquals(nextNewYear, ((Number) toCron.json().get("next_check_at")).longValue(), "the next firing, in UTC");

        TestResponse everySecond = dm.patch(monitor, "{\"schedule_seconds\":1}");
        assertEquals(200, everySecond.status(), everySecond.body());
        Thread.sleep(2500);
        assertTrue(dm.checks(monitor).size() >= 2, "the new schedule runs");

        TestResponse paused = dm.patch(monitor, "{\"enabled\":false}");
        assertEquals(200, paused.status(), paused.body());
        assertEquals(false, paused.json().get("enabled"));
        assertNull(paused.json().get("next_check_at"), "a paused monitor holds no execution");
        int afterPause = dm.checks(monitor).size();
        Thread.sleep(2500);
        assertEquals(afterPause, dm.checks(monitor).size(), "no scheduled check while paused");
        assertEquals(200, server.postJson("/api/v1/drift/monitors/" + monitor + "/check", "", dm.fx.engineer).status(),
                "on-demand checks still run");

        TestResponse resumed = dm.patch(monitor, "{\"enabled\":true}");
        assertNotNull(resumed.json().get("next_check_at"));
        Thread.sleep(1500);
        assertTrue(dm.checks(monitor).size() > afterPause + 1, "resumed");

        assertEquals(403, server.send("DELETE", "/api/v1/drift/monitors/" + monitor, null, null, dm.fx.reviewer).status());
        assertEquals(204, server.send("DELETE", "/api/v1/drift/monitors/" + monitor, null, null, dm.fx.engineer).status());
        assertEquals(404, server.get("/api/v1/drift/monitors/" + monitor, dm.fx.engineer).status());
        assertEquals(404, server.get("/api/v1/drift/monitors/" + monitor + "/checks", dm.fx.engineer).status());
        assertTrue(server.context().getBean(MonitorService.class).nextCheck(monitor).isEmpty(), "its execution is cancelled");
        assertFalse(server.get("/prometheus", null).body().contains("monitor=\"" + monitor + "\""), "its gauges are removed");
        assertEquals(404, server.send("DELETE", "/api/v1/drift/monitors/" + monitor, null, null, dm.fx.engineer).status());
    }

    @Test
    void refusesBadSettingsWithA400NamingTheField() throws Exception {
        String model = dm.servedModelWithLineage("refused");
        String m = "\"model\":\"" + model + "\"";
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("{" + m + ",\"current_rows\":\"ten\"}", "'current_rows' must be a whole number");
        refused.put("{" + m + ",\"current_rows\":1.5}", "'current_rows' must be a whole number");
        refused.put("{" + m + ",\"current_rows\":-5}", "'current_rows' must be between 1 and");
        refused.put("{" + m + ",\"current_rows\":99999999999}", "'current_rows' is out of range");
        refused.put("{" + m + ",\"current_window_seconds\":0}", "'current_window_seconds' must be between 1 and");
        refused.put("{" + m + ",\"alpha\":\"NaN\"}", "'alpha' must be a number");
        refused.put("{" + m + ",\"alpha\":1.5}", "'alpha' must be between 0 and 1");
        refused.put("{" + m + ",\"alpha\":1e400}", "'alpha' must be a finite number");
        refused.put("{" + m + ",\"threshold\":0}", "'threshold' must be greater than 0");
        refused.put("{" + m + ",\"min_samples\":1}", "'min_samples' must be at least 2");
        refused.put("{" + m + ",\"correction\":\"holm\"}", "parameter 'correction'");
        refused.put("{" + m + ",\"correction\":3}", "'correction' must be a string");
        refused.put("{" + m + ",\"features\":[]}", "'features' is empty");
        refused.put("{" + m + ",\"features\":[\"x1\",\"x1\"]}", "'features' names 'x1' twice");
        refused.put("{" + m + ",\"features\":\"x1\"}", "'features' must be an array of strings");
        refused.put("{" + m + ",\"features\":[1]}", "'features' must be an array of strings");
        refused.put("{" + m + ",\"schedule_seconds\":0}", "'schedule_seconds' must be between 1 and");
        refused.put("{" + m + ",\"schedule_seconds\":60,\"schedule_cron\":\"0 * * * * *\"}", "not both");
        refused.put("{" + m + ",\"schedule_cron\":\"every hour\"}", "Invalid 'schedule_cron' 'every hour'");
        refused.put("{" + m + ",\"schedule_cron\":\"0 0 0 30 2 *\"}", "never fires");
        refused.put("{" + m + ",\"schedule_cron\":\"-\"}", "disables");
        refused.put("{" + m + ",\"enabled\":\"yes\"}", "'enabled' must be true or false");
        refused.put("{" + m + ",\"current_row\":10}", "Unknown field [current_row]");
        refused.put("{\"alias\":\"champion\"}", "Give the 'model'");
        refused.put("{" + m + ",\"alias\":\"a b\"}", "Invalid alias name");
        refused.put("{" + m + ",\"reference_dataset\":\"d\"}", "both 'reference_dataset' and 'reference_version'");
        refused.put("{" + m + ",\"reference_dataset\":\"nope\",\"reference_version\":\"1\"}", "nope");
        refused.put("{" + m + ",\"reference_dataset\":\"d\",\"reference_version\":\"1\",\"reference_window_from\":1,"
                + "\"reference_window_to\":2}", "Give one reference");
        refused.put("{" + m + ",\"reference_window_from\":1}", "needs both 'reference_window_from' and 'reference_window_to'");
        refused.put("{" + m + ",\"reference_window_from\":5,\"reference_window_to\":5}", "must be at least 0 and before");
        refused.put("{" + m + ",\"reference_window_from\":1,\"reference_window_to\":" + (System.currentTimeMillis() + 60_000) + "}",
                "is in the future");
        refused.put("{" + m + ",\"reference_window_from\":1,\"reference_window_to\":2}", "holds no captured inputs of " + model + " v1");
        refused.put("{" + m + ",\"reference_window_from\":1,\"reference_window_to\":2,\"reference_window_version\":\"x\"}",
                "'reference_window_version' must be a version number");
        refused.put("{" + m + ",\"reference_window_from\":1,\"reference_window_to\":2,\"reference_window_version\":7}",
                "not found");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            TestResponse r = server.postJson("/api/v1/drift/monitors", e.getKey(), dm.fx.engineer);
            assertEquals(400, r.status(), e.getKey() + " -> " + r.body());
            assertEquals("INVALID_PARAMETER_VALUE", r.errorCode(), r.body());
            assertTrue(r.body().contains(e.getValue()), e.getKey() + " -> " + r.body());
        }
        assertEquals(400, server.postJson("/api/v1/drift/monitors", "[1]", dm.fx.engineer).status(), "not an object");
        assertEquals(400, server.postJson("/api/v1/drift/monitors", "{\"model\":", dm.fx.engineer).status(), "malformed JSON");
        assertEquals(0, ((List<?>) new org.yaml.snakeyaml.Yaml().load(server.get("/api/v1/drift/monitors?model=" + model, dm.fx.engineer)
                .body())).size(), "nothing was created");

        long monitor = dm.createMonitor("{" + m + "}");
        Map<String, String> badChanges = new java.util.LinkedHashMap<>();
        badChanges.put("{\"model\":\"other\"}", "'model' cannot be changed");
        badChanges.put("{\"reference_window_from\":1}", "'reference_window_from' cannot be changed");
        badChanges.put("{\"alpha\":null}", "'alpha' cannot be null");
        badChanges.put("{\"current_rows\":null}", "'current_rows' cannot be null");
        badChanges.put("{\"current_rows\":0}", "'current_rows' must be between 1 and");
        badChanges.put("{\"enabled\":1}", "'enabled' must be true or false");
        badChanges.put("{\"schedule_cron\":\"61 * * * * *\"}", "Invalid 'schedule_cron'");
        badChanges.put("{\"features\":[\"x9\"]}", "'x9' is not a numeric input");
        badChanges.put("{\"threshold\":2}", "'threshold' must be greater than 0 and at most 1");
        badChanges.put("{\"bogus\":true}", "Unknown field [bogus]");
        for (Map.Entry<String, String> e : badChanges.entrySet()) {
            TestResponse r = dm.patch(monitor, e.getKey());
            assertEquals(400, r.status(), e.getKey() + " -> " + r.body());
            assertTrue(r.body().contains(e.getValue()), e.getKey() + " -> " + r.body());
        }
        Map<String, Object> unchanged = server.get("/api/v1/drift/monitors/" + monitor, dm.fx.engineer).json();
        assertEquals(0.05, ((Number) unchanged.get("alpha")).doubleValue());
        assertEquals(1000, ((Number) unchanged.get("current_rows")).intValue());
        assertEquals(unchanged.get("created_at"), unchanged.get("updated_at"), "no refused change was written");
        assertEquals(404, dm.patch(987654321L, "{\"alpha\":0.1}").status());
        assertEquals(400, server.get("/api/v1/drift/monitors/" + monitor + "/checks?max_results=0", dm.fx.engineer).status());
    }

    private static long sum(List<?> counts) {
        return counts.stream().mapToLong(c -> ((Number) c).longValue()).sum();
    }

    private static long upperHalf(List<?> counts) {
        return sum(counts.subList(counts.size() / 2, counts.size()));
    }
}
