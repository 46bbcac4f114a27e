package dev.ballast.platform.ui;

import dev.ballast.client.testing.TrainedModels;
import dev.ballast.platform.testing.BallastTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four-eyes promotion in Chromium: an engineer requests it from the version page and cannot
 * approve it; a reviewer is told a comment is required, then approves; the model page and the
 * audit log show the alias on the new version. The model and promotion pages do not scroll
 * sideways at 1280 or 800 pixels.
 */
@ExtendWith(ScreenshotOnFailure.class)
class PromotionBrowserIT {
    private static BallastTestServer server;
    private static RegistryUiFixture fx;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
        fx = new RegistryUiFixture(server, "browser");
        browser = Browser.open(server.baseUrl());
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

    private static void noSidewaysScroll(String page) {
        for (int width : new int[] {1280, 800}) {
            browser.resize(width, 900);
            assertFalse(browser.scrollsHorizontally(), page + " scrolls sideways at " + width + " px");
        }
        browser.resize(1280, 900);
    }

    @Test
    void engineerRequestsReviewerApprovesWithACommentAndTheAliasMoves() {
        String model = fx.model("browser");
        String v1 = fx.version(model, 0.80, 0.05);
        String v2 = fx.version(model, 0.91, 0.03);
        fx.promote(model, v1, "champion");
        fx.editCard(model, v2, "limitations", "Not for new accounts <script>document.title='owned'</script>");

        browser.signIn(fx.engineerName, RegistryUiFixture.password(fx.engineerName));
        browser.go("/ui/models/" + model + "/versions/" + v2);
        assertTrue(browser.find(By.cssSelector("[data-section=limitations]")).getText().contains("<script>document.title='owned'</script>"),
                "card text shows as text");
        assertFalse(browser.driver().getTitle().contains("owned"));
        browser.find(By.id("request-reason")).sendKeys("r2 0.91 against 0.80");
        browser.find(By.cssSelector("#request-form button[type=submit]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().matches(".*/ui/promotions/\\d+$"));
        String promotion = browser.driver().getCurrentUrl().substring(server.baseUrl().length());
        assertEquals("PENDING", browser.waitFor(By.id("promotion-status")).getText());
        assertTrue(browser.has(By.id("own-request")), "the requester is told why they cannot decide");
        assertFalse(browser.has(By.id("approve-button")), "no approve button for the requester");
        assertFalse(browser.has(By.id("decision-form")));
        noSidewaysScroll("the promotion page");
        browser.signOut();

        browser.signIn(fx.reviewerName, RegistryUiFixture.password(fx.reviewerName));
        browser.go(promotion);
        assertTrue(browser.find(By.id("reason")).getText().contains("r2 0.91 against 0.80"));
        assertTrue(browser.find(By.id("metric-comparison")).getText().contains("+0.11"), "difference to the holder");
        browser.document("promotion-review");
        browser.find(By.id("approve-button")).click();
        assertTrue(browser.waitFor(By.cssSelector("#decision-errors .form-error")).getText().contains("Write a comment"));
        assertEquals("PENDING", browser.find(By.id("promotion-status")).getText(), "nothing decided without a comment");
        noSidewaysScroll("the promotion page with the form");

        browser.find(By.id("decision-comment-input")).sendKeys("Gates pass and r2 improves; approved.");
        browser.find(By.id("approve-button")).click();
        // HX-Redirect reloads the page: wait on whatever document is current, through the swap.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(d -> "APPROVED".equals(d.findElement(By.id("promotion-status")).getText()));
        assertTrue(browser.find(By.id("decision-comment")).getText().contains("Gates pass and r2 improves"));
        assertFalse(browser.has(By.id("approve-button")));

        browser.go("/ui/models/" + model);
        assertEquals("v" + v2, browser.find(By.cssSelector("#aliases tr[data-alias=champion] td:nth-child(2)")).getText());
        assertTrue(browser.find(By.cssSelector("#versions tr[data-version='" + v2 + "']")).getText().contains("champion"));
        noSidewaysScroll("the model page");
        browser.document("model");

        browser.go("/ui/audit?model=" + model);
        assertTrue(browser.has(By.cssSelector("#audit-entries tr[data-action='promotion.approve']")));
        String aliasMove = browser.find(By.cssSelector("#audit-entries tr[data-action='alias.set']")).getText();
        assertTrue(aliasMove.contains(fx.reviewerName), aliasMove);
        browser.find(By.cssSelector("#audit-entries tr[data-action='alias.set'] summary")).click();
        assertTrue(browser.find(By.cssSelector("#audit-entries tr[data-action='alias.set'] details")).getText()
                .contains("\"version\":" + v2), "the newest alias move put the champion on v" + v2);
        browser.document("audit-log");
    }

    @Test
    void theServingFiguresRefreshThemselves() {
        String model = fx.model("live");
        String v = fx.servable(model, TrainedModels.linearRegression());
        fx.promote(model, v, "champion");
        assertEquals(200, fx.predict(model, "{\"inputs\":{\"x1\":0.5,\"x2\":-0.25}}").status());

        browser.signIn(fx.engineerName, RegistryUiFixture.password(fx.engineerName));
        browser.go("/ui/serving");
        By row = By.cssSelector("#serving-models tr[data-model='" + model + "']");
        assertTrue(browser.waitFor(row).getText().contains("champion → v" + v));
        browser.script("document.getElementById('serving-live').dataset.marker = 'first';");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, fx.predict(model, "{\"inputs\":{\"x1\":" + i + ",\"x2\":1}}").status());
        }
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(WebDriverException.class).until(d ->
                d.findElement(By.id("serving-live")).getAttribute("data-marker") == null && d.findElement(row).getText().contains("4 / 0"));
        noSidewaysScroll("the serving page");
        browser.document("serving");
    }
}
