package dev.ballast.platform.ui.tracking;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.ui.Browser;
import dev.ballast.platform.ui.ScreenshotOnFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tracking pages in headless Chromium, as an engineer uses them: open an experiment from the
 * list, filter and sort its runs (htmx swaps the table), open a run and see its history drawn,
 * pick two runs and compare them; no page scrolls sideways at 1280 or 800 pixels.
 */
@ExtendWith(ScreenshotOnFailure.class)
class TrackingBrowserIT {
    private static BallastTestServer server;
    private static TrackingUiFixture data;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
        server.createUser("browser-engineer", "ENGINEER");
        data = new TrackingUiFixture(server);
        browser = Browser.open(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (data != null) {
            data.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static List<WebElement> rows() {
        return browser.driver().findElements(By.cssSelector("#runs-table tbody tr"));
    }

    private static String firstRunName() {
        return browser.find(By.cssSelector("#runs-table tbody tr td:nth-child(2) a")).getText();
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        // htmx replaces the table while the condition reads it: a stale element means "not yet".
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    private static void noHorizontalScrollAt1280And800() {
        browser.resize(1280, 900);
        assertFalse(browser.scrollsHorizontally(), "1280 px: " + browser.driver().getCurrentUrl());
        browser.resize(800, 900);
        assertFalse(browser.scrollsHorizontally(), "800 px: " + browser.driver().getCurrentUrl());
        browser.resize(1280, 900);
    }

    @Test
    void filterSortOpenARunAndCompareTwoRuns() {
        browser.signIn("browser-engineer", "browser-engineer-password-123");
        browser.go("/ui/experiments");
        browser.waitFor(By.linkText(data.experimentName)).click();
        browser.waitFor(By.id("runs-table"));
        assertEquals(50, rows().size());
        noHorizontalScrollAt1280And800();

        WebElement filter = browser.find(By.id("filter"));
        filter.sendKeys("params.model = 'tree'", Keys.ENTER);
        waitUntil("the table shrinks to the 29 tree runs", () -> rows().size() == 29);
        assertTrue(browser.driver().getCurrentUrl().contains("filter="), "the filter is in the address: " + browser.driver().getCurrentUrl());

        By rmseHeader = By.xpath("//th[@data-kind='metric'][.//span[text()='rmse']]");
        browser.find(By.xpath("//th[@data-kind='metric'][.//span[text()='rmse']]//a")).click();
        waitUntil("sorted by rmse ascending", () -> "ascending".equals(browser.find(rmseHeader).getAttribute("aria-sort")));
        assertEquals("run-00", firstRunName());
        assertEquals(29, rows().size(), "sorting keeps the filter");
        browser.find(By.xpath("//th[@data-kind='metric'][.//span[text()='rmse']]//a")).click();
        waitUntil("sorted by rmse descending", () -> "descending".equals(browser.find(rmseHeader).getAttribute("aria-sort")));
        assertEquals("run-54", firstRunName());
        browser.document("runs-table");

        List<WebElement> boxes = browser.driver().findElements(By.cssSelector("#runs-table tbody input[type=checkbox]"));
        boxes.get(0).click();
        boxes.get(1).click();
        browser.find(By.id("compare-button")).click();
        browser.waitFor(By.id("compare-table"));
        assertTrue(browser.driver().getCurrentUrl().contains("/ui/compare?run="));
        assertFalse(browser.driver().findElements(By.cssSelector("#compare-table tr.diff")).isEmpty(), "a highlighted difference");
        assertTrue(browser.waitForChart(By.id("compare-chart-canvas")) > 0, "the overlaid chart is drawn");
        noHorizontalScrollAt1280And800();
        browser.document("compare");

        browser.find(By.linkText("run-54")).click();
        browser.waitFor(By.id("metrics-table"));
        browser.go("/ui/runs/" + data.historyRun);
        int acc = browser.waitForChart(By.id("run-chart"));
        assertTrue(acc > 0, "the default chart has points");
        browser.find(By.cssSelector("#chart-panel input[name=metric][value=loss]")).click();
        browser.find(By.cssSelector("#chart-panel button[type=submit]")).click();
        waitUntil("the chart is redrawn with loss", () -> {
            List<WebElement> charts = browser.driver().findElements(By.id("run-chart"));
            return !charts.isEmpty() && "true".equals(charts.get(0).getAttribute("data-drawn"))
                    && Integer.parseInt(charts.get(0).getAttribute("data-points")) > 1000;
        });
        assertTrue(browser.has(By.cssSelector("#run-chart canvas")), "uPlot drew on a canvas");
        noHorizontalScrollAt1280And800();
        browser.document("run");
    }
}
