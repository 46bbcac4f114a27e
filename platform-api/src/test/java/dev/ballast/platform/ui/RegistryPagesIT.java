package dev.ballast.platform.ui;

import dev.ballast.client.testing.TrainedModels;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry, promotion, audit and serving pages over HTTP: what they show, that card text is
 * escaped, and that the server refuses every decision that is not the viewer's to make (the
 * requester, non-reviewers, forged posts without the CSRF token) whatever the page drew.
 */
class RegistryPagesIT {
    private static BallastTestServer server;
    private static RegistryUiFixture fx;
    private static UiSession engineer;
    private static UiSession otherEngineer;
    private static UiSession reviewer;
    private static String model;
    private static String v1;
    private static String v2;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
        fx = new RegistryUiFixture(server, "pages");
        server.createUser("pages-other", "ENGINEER");
        engineer = UiSession.signIn(server, fx.engineerName, RegistryUiFixture.password(fx.engineerName));
        otherEngineer = UiSession.signIn(server, "pages-other", RegistryUiFixture.password("pages-other"));
        reviewer = UiSession.signIn(server, fx.reviewerName, RegistryUiFixture.password(fx.reviewerName));
        model = fx.model("churn");
        String run1 = fx.run(0.80, 0.05);
        fx.trainedOn(run1, "churn-data-" + model.substring(model.length() - 8));
        v1 = fx.register(model, run1);
        v2 = fx.version(model, 0.90, 0.04);
        fx.promote(model, v1, "champion");
        fx.editCard(model, v1, "intended_use", "Weekly churn <script>alert('card')</script>\n- retention\n- offers");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String page(UiSession session, String path) {
        TestResponse r = session.get(path);
        assertEquals(200, r.status(), path + ": " + r.body());
        return r.body();
    }

    @Test
    void modelPageShowsVersionsAliasesGatesLineageAndTheChampionsCardEscaped() {
        String html = page(engineer, "/ui/models/" + model);
        assertTrue(html.contains("data-alias=\"champion\""), html);
        assertTrue(html.contains("data-version=\"" + v1 + "\"") && html.contains("data-version=\"" + v2 + "\""), html);
        assertTrue(html.contains("metrics.r2 &gt;= 0.75"), "gate rule listed");
        assertTrue(html.contains("passed (alias:champion)"), "v1's gate result summarised");
        assertTrue(html.contains("href=\"/ui/runs/"), "links to the source runs");
        assertTrue(html.contains("href=\"/ui/datasets/churn-data-" + model.substring(model.length() - 8) + "/versions/1\""),
                "lineage links to the champion's training data");
        assertTrue(html.contains("Weekly churn &lt;script&gt;alert(&#39;card&#39;)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>alert('card')"), "card text is never markup");
        assertTrue(html.contains("<li>retention</li>"), "lists in card sections are rendered");
        assertFalse(html.contains("rollback-form"), "engineers get no rollback form");

        String list = page(engineer, "/ui/models?q=" + model.substring(0, 8));
        assertTrue(list.contains("href=\"/ui/models/" + model + "\""), list);
        String none = page(engineer, "/ui/models?q=%3Cscript%3Enothing");
        assertTrue(none.contains("No model name contains") && none.contains("&lt;script&gt;nothing"), none);
    }

    @Test
    void versionPageShowsGatesMetricsAndTheRequestFormOnlyToEngineers() {
        String html = page(engineer, "/ui/models/" + model + "/versions/" + v1);
        assertTrue(html.contains("r2 = 0.8") || html.contains("0.8"), html);
        assertTrue(html.contains("id=\"request-form\""), "engineers may request promotions");
        assertTrue(html.contains("class=\"badge passed\""), html);
        assertFalse(page(reviewer, "/ui/models/" + model + "/versions/" + v1).contains("id=\"request-form\""));
        assertEquals(403, reviewer.post("/ui/models/" + model + "/versions/" + v2 + "/promotions",
                Map.of("alias", "staging-x", "reason", "reviewers do not request")).status());
        TestResponse missingReason = engineer.post("/ui/models/" + model + "/versions/" + v2 + "/promotions",
                Map.of("alias", "challenger", "reason", " "));
        assertEquals(400, missingReason.status());
        assertTrue(missingReason.body().contains("form-error") && missingReason.body().contains("Write a reason"), missingReason.body());
    }

    @Test
    void onlyAnotherReviewerDecidesAndTheAliasMovesAndRollsBackThroughTheUi() {
        String promotionModel = fx.model("promo");
        String a = fx.version(promotionModel, 0.80, 0.05);
        String b = fx.version(promotionModel, 0.92, 0.03);
        fx.promote(promotionModel, a, "champion");

        TestResponse requested = engineer.post("/ui/models/" + promotionModel + "/versions/" + b + "/promotions",
                Map.of("alias", "champion", "reason", "r2 up by 0.12"));
        assertEquals(200, requested.status(), requested.body());
        String location = requested.header("HX-Redirect");
        assertNotNull(location, requested.headers().toString());
        Matcher id = Pattern.compile("^/ui/promotions/(\\d+)$").matcher(location);
        assertTrue(id.matches(), location);
        String path = location;

        String own = page(engineer, path);
        assertFalse(own.contains("approve-button"), "the requester sees no approve button");
        assertTrue(own.contains("id=\"own-request\""), own);
        assertTrue(own.contains("r2 up by 0.12"), "the requester's reason");
        assertTrue(own.contains("id=\"metric-comparison\"") && own.contains("+0.12"), "metrics next to the holder's, with differences");
        assertFalse(page(otherEngineer, path).contains("approve-button"), "non-reviewers see no approve button");
        assertTrue(page(reviewer, path).contains("approve-button"), "another reviewer does");
        String queue = page(reviewer, "/ui/promotions");
        assertTrue(queue.contains("data-promotion=\"" + id.group(1) + "\""), queue);

        assertEquals(403, engineer.post(path + "/approve", Map.of("comment", "my own, forged")).status(), "four-eyes rule");
        assertEquals(403, engineer.post(path + "/reject", Map.of("comment", "my own, forged")).status());
        assertEquals(403, otherEngineer.post(path + "/approve", Map.of("comment", "not a reviewer")).status(), "role check");
        assertEquals(403, reviewer.postWithoutToken(path + "/approve", Map.of("comment", "forged form")).status(), "CSRF check");
        TestResponse empty = reviewer.post(path + "/approve", Map.of("comment", "  "));
        assertEquals(400, empty.status(), empty.body());
        assertTrue(empty.body().contains("form-error") && empty.body().contains("Write a comment"), empty.body());
        assertTrue(page(reviewer, path).contains(">PENDING<"), "nothing was decided by the refused posts");

        TestResponse approved = reviewer.post(path + "/approve", Map.of("comment", "Looks good <b>ship</b>"));
        assertEquals(200, approved.status(), approved.body());
        assertEquals(path, approved.header("HX-Redirect"));
        String decided = page(reviewer, path);
        assertTrue(decided.contains(">APPROVED<") && decided.contains("Looks good &lt;b&gt;ship&lt;/b&gt;"), decided);
        assertFalse(decided.contains("approve-button"));
        assertTrue(decided.contains("against v" + a + ", the holder when requested"), "a decided request compares with the holder it replaced");
        String modelPage = page(engineer, "/ui/models/" + promotionModel);
        assertTrue(Pattern.compile("data-alias=\"champion\">\\s*<td>champion</td>\\s*<td><a [^>]*>v" + b + "</a>").matcher(modelPage).find(),
                modelPage);

        assertEquals(403, engineer.post("/ui/models/" + promotionModel + "/rollback",
                Map.of("promotion", id.group(1), "reason", "engineers cannot")).status());
        String reviewerView = page(reviewer, "/ui/models/" + promotionModel);
        assertTrue(reviewerView.contains("rollback-form") && reviewerView.contains("back to v" + a), reviewerView);
        TestResponse noReason = reviewer.post("/ui/models/" + promotionModel + "/rollback", Map.of("promotion", id.group(1), "reason", ""));
        assertEquals(400, noReason.status());
        TestResponse rolledBack = reviewer.post("/ui/models/" + promotionModel + "/rollback",
                Map.of("promotion", id.group(1), "reason", "latency regression"));
        assertEquals(200, rolledBack.status(), rolledBack.body());
        assertTrue(Pattern.compile("data-alias=\"champion\">\\s*<td>champion</td>\\s*<td><a [^>]*>v" + a + "</a>")
                .matcher(page(engineer, "/ui/models/" + promotionModel)).find());

        String audit = page(engineer, "/ui/audit?model=" + promotionModel + "&action=promotion.approve");
        assertTrue(audit.contains("data-action=\"promotion.approve\""), audit);
        assertTrue(audit.contains("href=\"" + path + "\""), "links to the promotion");
        assertFalse(audit.contains("data-action=\"alias.set\""), "the action filter applies");
        String rollbackEntry = page(engineer, "/ui/audit?model=" + promotionModel + "&actor=" + fx.reviewerName + "&action=promotion.rollback");
        assertTrue(rollbackEntry.contains("data-action=\"promotion.rollback\""), rollbackEntry);
    }

    @Test
    void auditLogFiltersByActorModelEntityAndDay() {
        String byActor = page(engineer, "/ui/audit?actor=" + fx.reviewerName);
        assertTrue(byActor.contains("data-action=\"promotion.approve\""), byActor);
        assertFalse(byActor.contains("data-action=\"version.create\""), "versions were created by the engineer");
        String versions = page(engineer, "/ui/audit?model=" + model + "&entity=model_version");
        assertTrue(versions.contains("data-action=\"version.create\""), versions);
        assertFalse(versions.contains("data-action=\"alias.set\""), versions);
        String future = page(engineer, "/ui/audit?from=2999-01-01");
        assertTrue(future.contains("No entry matches these filters"), future);
        String today = page(engineer, "/ui/audit?model=" + model + "&from=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                + "&to=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        assertTrue(today.contains("data-action=\"model.create\""), today);
        assertEquals(400, engineer.get("/ui/audit?from=yesterday").status());
    }

    @Test
    void servingPageShowsEndpointsAndLiveRatesFromTheServingMeters() throws InterruptedException {
        String served = fx.model("served");
        String v = fx.servable(served, TrainedModels.linearRegression());
        fx.promote(served, v, "champion");
        assertEquals(200, fx.predict(served, "{\"inputs\":{\"x1\":0.5,\"x2\":-0.25}}").status());
        String before = page(engineer, "/ui/serving/live");
        assertTrue(before.contains("data-model=\"" + served + "\""), before);
        Thread.sleep(1100);
        for (int i = 0; i < 5; i++) {
            assertEquals(200, fx.predict(served, "{\"inputs\":{\"x1\":" + i + ",\"x2\":1}}").status());
        }
        assertEquals(400, fx.predict(served, "{\"inputs\":{\"x1\":1}}").status());

        String html = page(engineer, "/ui/serving");
        assertTrue(html.contains("hx-trigger=\"every 5s\""), "refreshes itself");
        assertTrue(html.contains("POST /serving/" + served + "/predict"), html);
        assertTrue(html.contains("champion → v" + v), html);
        Matcher row = Pattern.compile("data-model=\"" + Pattern.quote(served) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(row.find(), html);
        String cells = row.group(1);
        assertTrue(cells.contains("6 / 1"), "answered / failed since start: " + cells);
        Matcher rate = Pattern.compile("class=\"num rate\"[^>]*>([0-9.]+)<").matcher(cells);
        assertTrue(rate.find(), cells);
        assertTrue(Double.parseDouble(rate.group(1).replace(",", "")) > 0, cells);
        assertTrue(Pattern.compile("class=\"num latency\">[0-9.,]+ ms<").matcher(cells).find(), cells);
        assertTrue(cells.contains(" %<"), "an error rate: " + cells);
        assertFalse(cells.contains(">0.0 %<"), "the failed request counts: " + cells);
    }
}
