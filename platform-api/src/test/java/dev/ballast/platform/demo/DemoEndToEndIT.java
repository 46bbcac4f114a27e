package dev.ballast.platform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.demo.Approver;
import dev.ballast.demo.BallastApi;
import dev.ballast.demo.Console;
import dev.ballast.demo.Demo;
import dev.ballast.demo.DemoOptions;
import dev.ballast.demo.GrowthExperiments;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.ui.Browser;
import dev.ballast.platform.ui.ScreenshotOnFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole loop of issue 9 through public interfaces only, as {@code ./ballast demo} runs it: HTTP for data,
 * registry, serving and monitoring, the official MLflow Java client for the experiments, and Chromium for the
 * reviewer's approval on the promotion page. Each stage is then checked from the outside: the dataset versions, the
 * runs with their metric histories and lineage, the gates, the approved promotion and the moved alias in the audit
 * log, the prediction, the drift verdict, the succeeded workflow and the retrained version's pending request.
 */
@ExtendWith(ScreenshotOnFailure.class)
class DemoEndToEndIT {
    private static final int EPOCHS = 6;
    private static BallastTestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
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

    /** The reviewer's step in the browser: sign in, open the request, write the comment, approve, see it approved. */
    private static final Approver IN_THE_BROWSER = (reviewer, id, comment) -> {
        browser.signIn(reviewer.user(), reviewer.password());
        browser.go("/ui/promotions/" + id);
        assertEquals("PENDING", browser.waitFor(By.id("promotion-status")).getText());
        browser.find(By.id("decision-comment-input")).sendKeys(comment);
        browser.find(By.id("approve-button")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> "APPROVED".equals(d.findElement(By.id("promotion-status")).getText()));
        browser.signOut();
    };

    @Test
    void theInfluencerGrowthLoopFromDataToARetrainedVersionWaitingForReview() {
        DemoOptions options = new DemoOptions(server.baseUrl(), BallastTestServer.ADMIN, BallastTestServer.ADMIN_PASSWORD, 42, 2000, EPOCHS,
                300, "e2e");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Demo.Outcome o = new Demo(options, new Console(new PrintStream(printed, true, StandardCharsets.UTF_8), 9), IN_THE_BROWSER).run();
        String story = printed.toString(StandardCharsets.UTF_8);
        assertTrue(story.contains("[9/9]") && story.contains("The loop is closed"), story);

        BallastApi admin = new BallastApi(server.baseUrl(), BallastTestServer.ADMIN, BallastTestServer.ADMIN_PASSWORD);

        // Data: month 1 (trained on) and month 2 (retrained on) are dataset versions.
        JsonNode versions = admin.get("/api/v1/datasets/" + o.dataset() + "/versions");
        assertEquals(2, versions.path("versions").size(), versions.toString());

        // Experiments, read back with the MLflow client: 5 regressors, K-Means and anomaly runs, with histories.
        MlflowClient mlflow = new MlflowClient(new BasicMlflowHostCreds(server.baseUrl(), BallastTestServer.ADMIN,
                BallastTestServer.ADMIN_PASSWORD));
        List<String> ids = o.candidates().stream().map(GrowthExperiments.Candidate::runId).toList();
        assertEquals(5, ids.size());
        for (GrowthExperiments.Candidate c : o.candidates()) {
            Run run = mlflow.getRun(c.runId());
            assertEquals("FINISHED", run.getInfo().getStatus().name());
            Map<String, Double> latest = new java.util.HashMap<>();
            for (Metric m : run.getData().getMetricsList()) {
                latest.put(m.getKey(), m.getValue());
            }
            assertEquals(c.metrics().r2(), latest.get("r2"), 1e-9, c.name());
            assertEquals(c.metrics().mape(), latest.get("mape"), 1e-9, c.name());
            assertTrue(latest.containsKey("rmse") && latest.containsKey("mae"));
            int stages = c.name().startsWith("elastic-net") ? EPOCHS : Integer.parseInt(c.name().replaceAll("\\D+", ""));
            assertEquals(stages, mlflow.getMetricHistory(c.runId(), "r2").size(), "one r2 per epoch / depth: " + c.name());
            JsonNode lineage = admin.get("/api/v1/runs/" + c.runId() + "/lineage");
            assertTrue(lineage.toString().contains(o.dataset()), "the run's dataset input: " + lineage);
        }
        assertTrue(mlflow.getRun(o.segmentationRun()).getData().getMetricsList().stream().anyMatch(m -> m.getKey().equals("inertia")));
        assertTrue(mlflow.getRun(o.anomalyRun()).getData().getMetricsList().stream().anyMatch(m -> m.getKey().equals("anomaly_share")));

        // Registry: the champion version's gates passed; the promotion was approved by the reviewer in the browser.
        JsonNode gates = admin.get("/api/v1/models/" + o.model() + "/versions/" + o.championVersion() + "/gates");
        assertTrue(gates.toString().contains("\"passed\":true"), gates.toString());
        JsonNode promotion = admin.get("/api/v1/promotions/" + o.promotionId());
        assertEquals("APPROVED", promotion.path("status").asText().toUpperCase(java.util.Locale.ROOT), promotion.toString());
        assertTrue(promotion.toString().contains(o.reviewer()), "decided by the reviewer: " + promotion);
        JsonNode audit = admin.get("/api/v1/audit?model=" + o.model());
        assertTrue(audit.toString().contains("promotion.approve") && audit.toString().contains("alias.set"), audit.toString());

        // Serving answered with a plausible number of views.
        assertTrue(o.prediction() > 0 && Double.isFinite(o.prediction()), "prediction " + o.prediction());

        // Drift: the check flagged it and started the workflow; the workflow succeeded with a new version.
        JsonNode check = admin.get("/api/v1/drift/monitors/" + o.monitorId() + "/checks/" + o.driftCheckId());
        assertEquals("drift", check.path("verdict").asText());
        assertEquals(o.workflowId(), check.path("workflow_id").asLong());
        JsonNode workflow = admin.get("/api/v1/workflows/" + o.workflowId());
        assertEquals("succeeded", workflow.path("state").asText(), workflow.toString());
        assertFalse(o.retrainedVersion().equals(o.championVersion()));

        // The retrained version waits for a reviewer; the champion has not moved.
        JsonNode request = admin.get("/api/v1/promotions/" + o.retrainingPromotionId());
        assertEquals("PENDING", request.path("status").asText().toUpperCase(java.util.Locale.ROOT), request.toString());
        assertEquals("ballast-retraining", request.path("requested_by").asText());
        assertEquals(o.championVersion(), admin.get("/api/2.0/mlflow/registered-models/alias?name=" + o.model() + "&alias=champion")
                .path("model_version").path("version").asText());
    }
}
