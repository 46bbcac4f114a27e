package dev.ballast.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.client.BallastModels;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The influencer-growth story end to end against a running Ballast, through its public interfaces only: data as a
 * dataset version, experiments through the MLflow Java client, the best regressor registered with its card and gates,
 * a reviewed promotion, predictions, then drifted traffic that a monitor flags and a retraining workflow that ends in a
 * new promotion request. Each step checks what Ballast answered and stops with a clear message when it is not what the
 * story needs, so the end-to-end test can run it as is.
 */
public final class Demo {
    static final int STEPS = 9;
    private final DemoOptions options;
    private final Console console;
    private final Approver approverOverride;
    private final Waits waits;

    /** What the demo left behind, for the person (printed) and the end-to-end test (asserted). */
    public record Outcome(String experimentId, String dataset, int datasetVersion, String model, String championVersion,
                          List<GrowthExperiments.Candidate> candidates, String segmentationRun, String anomalyRun, long promotionId,
                          double prediction, long monitorId, long driftCheckId, long workflowId, String retrainedVersion,
                          long retrainingPromotionId, String engineer, String reviewer) {
    }

    /**
     * @param approver the reviewer's decision, or null to approve over the API as the demo's reviewer
     */
    public Demo(DemoOptions options, Console console, Approver approver) {
        this.options = options;
        this.console = console;
        this.approverOverride = approver;
        this.waits = new Waits();
    }

    public Outcome run() {
        BallastApi admin = new BallastApi(options.url(), options.user(), options.password());
        String prefix = options.prefix();

        console.step("Users: an engineer logs and proposes, a reviewer approves");
        DemoUsers.Pair users = DemoUsers.ensure(admin, prefix, console);
        BallastApi engineer = users.engineer();
        Approver approver = approverOverride != null ? approverOverride : Approver.overApi();

        console.step("Data: a synthetic influencer table, uploaded as a dataset version");
        List<Influencer> rows = InfluencerData.generate(options.seed(), options.rows());
        String dataset = prefix;
        engineer.send("POST", "/api/v1/datasets", Map.of("name", dataset, "description",
                "Influencer accounts per month: audience, activity, growth; target next month's views (synthetic, seed "
                        + options.seed() + ")"), "application/json", Set.of(200, 201, 400, 409));
        JsonNode version = uploadCsv(engineer, dataset, InfluencerData.csv(rows), "month 1, seed " + options.seed()).path("version");
        String digest = version.path("digest").asText();
        int datasetVersion = version.path("version").asInt();
        console.info("%s v%d: %d rows, %d bought-follower accounts, digest %s", dataset, datasetVersion, rows.size(),
                rows.stream().filter(Influencer::anomalous).count(), digest);

        console.step("Experiments: growth regressors, segments and anomalies, logged with the MLflow Java client");
        MlflowClient mlflow = new MlflowClient(new BasicMlflowHostCreds(options.url(), engineer.user(), engineer.password()));
        String experimentId = mlflow.getExperimentByName(prefix).map(e -> e.getExperimentId()).orElseGet(() -> mlflow.createExperiment(prefix));
        BallastModels models = BallastModels.connect(options.url(), engineer.user(), engineer.password());
        GrowthExperiments growth = new GrowthExperiments(mlflow, models, engineer, console);
        Split split = Split.of(rows, options.seed(), dataset + " v" + datasetVersion);
        List<GrowthExperiments.Candidate> candidates = growth.run(experimentId, split, dataset, digest, options.epochs(), options.seed());
        SegmentationRuns segmentation = new SegmentationRuns(mlflow, growth, console);
        String segmentationRun = segmentation.segment(experimentId, rows, dataset, digest, 4, options.seed());
        String anomalyRun = segmentation.anomalies(experimentId, rows, dataset, digest, 0.03, options.seed());

        console.step("Registry: the best regressor with its card and the gates r2 >= 0.75, mape < 10 %");
        GrowthExperiments.Candidate best = candidates.stream().filter(c -> c.metrics().meetsTargets())
                .min(Comparator.comparingDouble(c -> c.metrics().rmse()))
                .orElseThrow(() -> new DemoException("no candidate met r2 >= 0.75 and mape < 10 %; try more --rows or --epochs"));
        String model = prefix;
        Registry registry = new Registry(engineer, console);
        String championVersion = registry.register(model, best, dataset, datasetVersion, rows.size());

        console.step("Review: the engineer requests the promotion, the reviewer approves");
        long promotionId = registry.requestPromotion(model, championVersion, "Best holdout rmse of " + candidates.size()
                + " candidates (" + best.name() + "); meets the gates");
        approver.approve(users.reviewer(), promotionId, "Checked the card, the gates and the holdout metrics against the targets.");
        waits.until("the champion alias to move to v" + championVersion, 10,
                () -> championVersion.equals(engineer.get("/api/2.0/mlflow/registered-models/alias?name=" + BallastApi.encode(model)
                        + "&alias=champion").path("model_version").path("version").asText()));
        console.info("promotion #%d approved; %s@champion is v%s", promotionId, model, championVersion);

        console.step("Serving: predictions from the champion, then a month of normal traffic");
        Traffic traffic = new Traffic(engineer, model, console);
        Influencer sample = InfluencerData.generate(options.seed() + 1, 1).get(0);
        double prediction = waits.value("the champion to answer predictions", 15, () -> traffic.predictOne(sample, championVersion));
        console.info("predict %s -> %.1f k views next month (actual %.1f k)", sample.inputs(), prediction, sample.nextMonthViewsK());
        traffic.send(InfluencerData.generate(options.seed() + 2, options.traffic()), "normal rows");

        console.step("Monitoring: a KS drift monitor every 5 s and retraining on drift");
        Monitoring monitoring = new Monitoring(engineer, console, waits);
        monitoring.retrainOnDrift(model);
        long monitorId = monitoring.createMonitor(model, options.traffic());
        JsonNode calm = monitoring.awaitCheck(monitorId, 0, 60);
        console.info("check #%d on normal traffic: %s", calm.path("id").asLong(), monitoring.describe(calm));

        console.step("Drift: next month's data arrives, engagement and views move up");
        List<Influencer> shifted = InfluencerData.shifted(options.seed() + 3, options.rows(), 3.0);
        JsonNode month2 = uploadCsv(engineer, dataset, InfluencerData.csv(shifted), "month 2, engagement up").path("version");
        console.info("%s v%d uploaded (%d rows): the data retraining will use", dataset, month2.path("version").asInt(), shifted.size());
        traffic.send(InfluencerData.shifted(options.seed() + 4, options.traffic(), 3.0), "shifted rows");
        JsonNode drift = monitoring.awaitDrift(monitorId, calm.path("id").asLong(), 90);
        console.info("check #%d: %s", drift.path("id").asLong(), monitoring.describe(drift));

        console.step("Retraining: the workflow drift started, up to a new promotion request");
        JsonNode workflow = monitoring.awaitWorkflow(model, monitorId, 120);
        long workflowId = workflow.path("id").asLong();
        String retrained = workflow.path("new_version").asText();
        long retrainingPromotion = workflow.path("promotion_id").asLong();
        JsonNode request = engineer.get("/api/v1/promotions/" + retrainingPromotion);
        console.info("promotion request #%d for v%s by %s: %s (waits for a reviewer)", retrainingPromotion, retrained,
                request.path("requested_by").asText(), request.path("status").asText());
        monitoring.slowDown(monitorId);

        Outcome outcome = new Outcome(experimentId, dataset, datasetVersion, model, championVersion, candidates, segmentationRun, anomalyRun,
                promotionId, prediction, monitorId, drift.path("id").asLong(), workflowId, retrained, retrainingPromotion,
                engineer.user(), users.reviewer().user());
        printLinks(outcome);
        console.done("The loop is closed: data -> runs -> reviewed champion -> served -> drift -> retrained -> waiting for review.");
        return outcome;
    }

    private JsonNode uploadCsv(BallastApi engineer, String dataset, String csv, String message) {
        return engineer.send("POST", "/api/v1/datasets/" + BallastApi.encode(dataset) + "/versions?message=" + BallastApi.encode(message),
                csv, "text/csv", Set.of(200, 201)).body();
    }

    private void printLinks(Outcome o) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("runs of the experiment", "/ui/experiments/" + o.experimentId() + "/runs");
        List<String> ids = new ArrayList<>();
        o.candidates().forEach(c -> ids.add("run=" + c.runId()));
        links.put("compare the regressors", "/ui/compare?" + String.join("&", ids));
        links.put("the dataset", "/ui/datasets/" + BallastApi.encode(o.dataset()));
        links.put("the model: card, gates, lineage", "/ui/models/" + BallastApi.encode(o.model()));
        links.put("the retrained version's request", "/ui/promotions/" + o.retrainingPromotionId());
        links.put("the drift monitor", "/ui/drift/monitors/" + o.monitorId());
        links.put("the retraining workflow", "/ui/drift/workflows/" + o.workflowId());
        links.put("serving", "/ui/serving");
        links.put("audit log", "/ui/audit?model=" + BallastApi.encode(o.model()));
        System.out.println();
        System.out.println("Look at it in the web UI (sign in as " + o.reviewer() + " to decide the new request):");
        links.forEach((what, path) -> System.out.printf("  %-34s %s%s%n", what, options.url(), path));
    }
}
