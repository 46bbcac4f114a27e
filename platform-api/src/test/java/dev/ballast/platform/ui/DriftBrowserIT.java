package dev.ballast.platform.ui;

import dev.ballast.platform.registry.DriftMonitorFixture;
import dev.ballast.platform.testing.BallastTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drift and dataset pages in headless Chromium: from the drift overview to a monitor whose
 * KS chart is drawn, another check's histograms swapped in by htmx and drawn, a dataset
 * version's column histogram drawn, and no horizontal page scroll at 1280 and 800 px.
 */
@ExtendWith(ScreenshotOnFailure.class)
class DriftBrowserIT {
    private static BallastTestServer server;
    private static DriftMonitorFixture dm;
    private static Browser browser;
    private static String model;
    private static long monitor;
    private static long firstCheck;

    @BeforeAll
    static void start() throws Exception {
        server = BallastTestServer.start(Map.of("ballast.serving.sync-interval", "200ms", "ballast.serving.capture.flush-interval", "100ms"));
        dm = new DriftMonitorFixture(server, "chart");
        model = dm.servedModelWithLineage("chart");
        dm.serveBatch(model, 150, 0.0, 41);
        dm.awaitCaptured(model, 150);
        monitor = dm.createMonitor("{\"model\":\"" + model + "\",\"current_rows\":150}");
        firstCheck = ((Number) dm.check(monitor).get("id")).longValue();
        dm.serveBatch(model, 150, 1.5, 42);
        dm.awaitCaptured(model, 300);
        dm.check(monitor);
        browser = Browser.open(server.baseUrl());
        browser.signIn("chart-engineer", "chart-engineer-password-123");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aMonitorsKsChartAndAChosenChecksHistogramsAreDrawn() {
        browser.go("/ui/drift");
        browser.waitFor(By.cssSelector("a[href='/ui/drift/monitors/" + monitor + "']")).click();
        browser.waitFor(By.id("series-heading"));
        assertTrue(browser.driver().getCurrentUrl().endsWith("/ui/drift/monitors/" + monitor), browser.driver().getCurrentUrl());

        assertEquals(2, browser.waitForChart(By.cssSelector("[data-chart='chart-ks']")), "one KS point per check");
        assertTrue(browser.waitForChart(By.cssSelector("[data-chart='chart-p']")) >= 2);
        assertTrue(browser.has(By.cssSelector("[data-chart='chart-ks'] canvas")), "uPlot drew a canvas");

        new Select(browser.find(By.id("histogram-check"))).selectByValue(String.valueOf(firstCheck));
        int bars = browser.waitForChart(By.cssSelector("[data-chart='chart-hist'][data-check='" + firstCheck + "']"));
        assertEquals(40, bars, "20 reference and 20 current bars");

        new Select(browser.find(By.id("series-feature"))).selectByValue("x2");
        assertEquals(2, browser.waitForChart(By.cssSelector("[data-chart='chart-ks'][data-feature='x2']")));
        browser.document("drift-monitor");

        for (int width : new int[]{1280, 800}) {
            browser.resize(width, 900);
            assertFalse(browser.scrollsHorizontally(), "no horizontal page scroll at " + width + " px");
        }
        browser.resize(1280, 900);
    }

    @Test
    void aDatasetVersionsColumnHistogramIsDrawn() {
        String dataset = DriftMonitorFixture.datasetOf(model);
        browser.go("/ui/datasets");
        browser.waitFor(By.cssSelector("a[href='/ui/datasets/" + dataset + "']")).click();
        browser.waitFor(By.cssSelector("a[href='/ui/datasets/" + dataset + "/versions/1']")).click();
        assertTrue(browser.waitForChart(By.cssSelector("[data-chart='chart-col-0']")) > 0, "x1's histogram has bars");
        browser.document("dataset-version");
        for (int width : new int[]{1280, 800}) {
            browser.resize(width, 900);
            assertFalse(browser.scrollsHorizontally(), "no horizontal page scroll at " + width + " px");
        }
        browser.resize(1280, 900);
    }
}
