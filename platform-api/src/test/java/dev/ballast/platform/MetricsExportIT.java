package dev.ballast.platform;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves, on a running Ballast, the metric names that {@link ContainerFilesTest} holds the Grafana
 * dashboard to: src/test/resources/exported-metric-names.txt lists what the dashboard needs, and
 * here every one of those names, and every name the dashboard queries, must be in a real scrape of
 * the path Prometheus is configured to scrape, fetched without credentials as Prometheus does.
 */
class MetricsExportIT {

    private static BallastTestServer server;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
        // Traffic first: the request timer and its histogram buckets appear only once requests were served.
        assertEquals(200, server.get("/health", null).status());
        assertEquals(200, server.get("/api/v1/users/me", server.adminAuth()).status());
        assertEquals(404, server.get("/api/v1/no-such-endpoint", server.adminAuth()).status());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyNameInTheFixtureIsExported() {
        Set<String> listed = ContainerFilesTest.exportedMetricNamesFixture();
        assertFalse(listed.isEmpty(), "exported-metric-names.txt lists nothing");

        Set<String> missing = missingFrom(scrapeContaining(listed), listed);
        assertTrue(missing.isEmpty(), "exported-metric-names.txt lists metrics Ballast does not export: " + missing);
    }

    @Test
    void everyMetricTheDashboardQueriesIsExported() {
        Set<String> queried = ContainerFilesTest.dashboardMetricNames();
        assertFalse(queried.isEmpty(), "the dashboard queries no metric");

        Set<String> missing = missingFrom(scrapeContaining(queried), queried);
        assertTrue(missing.isEmpty(), "the Grafana dashboard queries metrics Ballast does not export: " + missing);
    }

    @Test
    void requestMetricsCarryTheLabelsTheDashboardGroupsBy() {
        String scrape = scrapeContaining(Set.of("http_server_requests_seconds_bucket"));
        assertTrue(scrape.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count{")
                && l.contains("status=\"404\"")), "no request count labelled status=\"404\"");
        assertTrue(scrape.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_bucket{")
                && l.contains("le=\"+Inf\"")), "the latency histogram has no buckets");
    }

    /**
     * Scrapes until every name is there or a few seconds passed: a request's timer is recorded as
     * its response completes, which may be a moment after the client has read it.
     */
    private static String scrapeContaining(Set<String> names) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            TestResponse r = server.get(ContainerFilesTest.prometheusMetricsPath(), null);
            assertEquals(200, r.status(), "Prometheus' scrape path answers " + r);
            if (missingFrom(r.body(), names).isEmpty() || System.nanoTime() > deadline) {
                return r.body();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r.body();
            }
        }
    }

    /** The names without a sample in the Prometheus text format, where a sample line is name[{labels}] value. */
    private static Set<String> missingFrom(String scrape, Set<String> names) {
        Set<String> exported = new TreeSet<>();
        scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> exported.add(l.split("[{ ]", 2)[0]));
        Set<String> missing = new TreeSet<>(names);
        missing.removeAll(exported);
        return missing;
    }
}
