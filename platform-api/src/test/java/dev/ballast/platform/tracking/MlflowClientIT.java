package dev.ballast.platform.tracking;

import dev.ballast.platform.testing.BallastTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.ExperimentsPage;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.RunsPage;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ballast driven by the official MLflow Java client, as engineers' code drives it. */
class MlflowClientIT {
    private static BallastTestServer server;
    private static MlflowClient client;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
        client = new MlflowClient(new BasicMlflowHostCreds(server.baseUrl(), BallastTestServer.ADMIN, BallastTestServer.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int status(MlflowClientException e) {
        return ((org.mlflow.tracking.MlflowHttpException) e).getStatusCode();
    }

    @Test
    void hasTheDefaultExperimentFromTheFirstStart() {
        Experiment d = client.getExperiment("0");
        assertEquals("Default", d.getName());
        assertEquals("active", d.getLifecycleStage());
    }

    @Test
    void createsExperimentsAndFindsThemByIdAndName() {
        String name = unique("exp");
        String id = client.createExperiment(name);
        assertEquals(name, client.getExperiment(id).getName());
        assertEquals(id, client.getExperimentByName(name).orElseThrow().getExperimentId());
        assertTrue(client.getExperimentByName(unique("missing")).isEmpty());
        assertEquals("mlflow-artifacts:/" + id, client.getExperiment(id).getArtifactLocation());
    }

    @Test
    void refusesADuplicateExperimentNameEvenWhenTheFirstIsDeleted() {
        String name = unique("dup");
        String id = client.createExperiment(name);
        client.deleteExperiment(id);
        MlflowClientException e = assertThrows(MlflowClientException.class, () -> client.createExperiment(name));
        assertEquals(400, status(e));
        assertTrue(e.getMessage().contains("RESOURCE_ALREADY_EXISTS"), e.getMessage());
    }

    @Test
    void renamesTagsDeletesAndRestoresExperimentsWithTheirRuns() {
        String id = client.createExperiment(unique("life"));
        String renamed = unique("renamed");
        client.renameExperiment(id, renamed);
        client.setExperimentTag(id, "team", "growth");
        Experiment e = client.getExperiment(id);
        assertEquals(renamed, e.getName());
        assertEquals("growth", e.getTagsList().get(0).getValue());

        String runId = client.createRun(id).getRunId();
        client.deleteExperiment(id);
        assertEquals("deleted", client.getExperiment(id).getLifecycleStage());
        assertEquals("deleted", client.getRun(runId).getInfo().getLifecycleStage(), "deleting an experiment deletes its runs");
        client.restoreExperiment(id);
        assertEquals("active", client.getExperiment(id).getLifecycleStage());
        assertEquals("active", client.getRun(runId).getInfo().getLifecycleStage(), "restoring brings them back");
    }

    @Test
    void searchesExperimentsByNameAndTagWithPaging() {
        String prefix = unique("search");
        for (int i = 0; i < 5; i++) {
            String id = client.createExperiment(prefix + "-" + i);
            client.setExperimentTag(id, "parity", i % 2 == 0 ? "even" : "odd");
        }
        ExperimentsPage even = client.searchExperiments("name LIKE '" + prefix + "%' AND tags.parity = 'even'",
                ViewType.ACTIVE_ONLY, 10, List.of("name ASC"));
        assertEquals(List.of(prefix + "-0", prefix + "-2", prefix + "-4"),
                even.getItems().stream().map(Experiment::getName).toList());

        List<String> seen = new ArrayList<>();
        ExperimentsPage page = client.searchExperiments("name LIKE '" + prefix + "%'", ViewType.ACTIVE_ONLY, 2, List.of("name ASC"));
        seen.addAll(page.getItems().stream().map(Experiment::getName).toList());
        while (page.hasNextPage()) {
            page = (ExperimentsPage) page.getNextPage();
            seen.addAll(page.getItems().stream().map(Experiment::getName).toList());
        }
        assertEquals(5, seen.size());
        assertEquals(5, new HashSet<>(seen).size(), "no experiment repeats across pages");
    }

    @Test
    void createsRunsWithHexIdsNamesAndTheRunNameTagInStep() {
        String exp = client.createExperiment(unique("runs"));
        RunInfo info = client.createRun(exp);
        assertTrue(info.getRunId().matches("[0-9a-f]{32}"), info.getRunId());
        assertEquals(info.getRunId(), info.getRunUuid());
        assertFalse(info.getRunName().isBlank(), "a generated name");
        assertEquals("mlflow-artifacts:/" + exp + "/" + info.getRunId() + "/artifacts", info.getArtifactUri());
        assertEquals(System.getProperty("user.name"), info.getUserId(), "the client's user_id, as MLflow records it");

        client.setTag(info.getRunId(), "mlflow.runName", "renamed-by-tag");
        Run run = client.getRun(info.getRunId());
        assertEquals("renamed-by-tag", run.getInfo().getRunName());
    }

    @Test
    void keepsParamsImmutableButAcceptsTheSameValueAgain() {
        String runId = client.createRun().getRunId();
        client.logParam(runId, "alpha", "0.1");
        client.logParam(runId, "alpha", "0.1");
        MlflowClientException e = assertThrows(MlflowClientException.class, () -> client.logParam(runId, "alpha", "0.2"));
        assertEquals(400, status(e));
        assertEquals("0.1", client.getRun(runId).getData().getParams(0).getValue());
    }

    @Test
    void keepsEveryMetricPointAndReportsTheLatestByStepTimestampAndValue() {
        String runId = client.createRun().getRunId();
        client.logMetric(runId, "loss", 0.9, 1000, 0);
        client.logMetric(runId, "loss", 0.5, 1000, 2);
        client.logMetric(runId, "loss", 0.7, 5000, 1);
        client.logMetric(runId, "loss", 0.4, 900, 2);
        Metric latest = client.getRun(runId).getData().getMetrics(0);
        assertEquals(0.5, latest.getValue(), "step 2 beats step 1; at step 2, timestamp 1000 beats 900");
        List<Metric> history = client.getMetricHistory(runId, "loss");
        assertEquals(4, history.size());
    }

    @Test
    void storesNanAndInfinitiesAndReturnsThemIntact() {
        String runId = client.createRun().getRunId();
        client.logMetric(runId, "nan", Double.NaN, 1, 0);
        client.logMetric(runId, "pinf", Double.POSITIVE_INFINITY, 1, 0);
        client.logMetric(runId, "ninf", Double.NEGATIVE_INFINITY, 1, 0);
        Map<String, Double> latest = client.getRun(runId).getData().getMetricsList().stream()
                .collect(Collectors.toMap(Metric::getKey, Metric::getValue));
        assertTrue(Double.isNaN(latest.get("nan")));
        assertEquals(Double.POSITIVE_INFINITY, latest.get("pinf"));
        assertEquals(Double.NEGATIVE_INFINITY, latest.get("ninf"));
        assertTrue(Double.isNaN(client.getMetricHistory(runId, "nan").get(0).getValue()));
    }

    @Test
    void logsABatchOfMetricsParamsAndTags() {
        String runId = client.createRun().getRunId();
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 1000 - 20; i++) {
            metrics.add(Metric.newBuilder().setKey("m" + (i % 10)).setValue(i).setTimestamp(1000 + i).setStep(i).build());
        }
        List<Param> params = new ArrayList<>();
        List<RunTag> tags = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            params.add(Param.newBuilder().setKey("p" + i).setValue("v" + i).build());
            tags.add(RunTag.newBuilder().setKey("t" + i).setValue("w" + i).build());
        }
        client.logBatch(runId, metrics, params, tags);
        Run run = client.getRun(runId);
        assertEquals(10, run.getData().getMetricsCount());
        assertEquals(10, run.getData().getParamsCount());
        assertTrue(run.getData().getTagsCount() >= 10);
        assertEquals(98, client.getMetricHistory(runId, "m3").size());
    }

    @Test
    void refusesOversizeBatches() {
        String runId = client.createRun().getRunId();
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            metrics.add(Metric.newBuilder().setKey("m").setValue(i).setTimestamp(i).setStep(i).build());
        }
        MlflowClientException e = assertThrows(MlflowClientException.class, () -> client.logBatch(runId, metrics, List.of(), List.of()));
        assertEquals(400, status(e));
        assertTrue(client.getMetricHistory(runId, "m").isEmpty(), "nothing of a refused batch is kept");
    }

    @Test
    void readsAMetricHistoryOf26000Points() {
        String runId = client.createRun().getRunId();
        for (int batch = 0; batch < 26; batch++) {
            List<Metric> metrics = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int step = batch * 1000 + i;
                metrics.add(Metric.newBuilder().setKey("acc").setValue(step / 26000.0).setTimestamp(step).setStep(step).build());
            }
            client.logBatch(runId, metrics, List.of(), List.of());
        }
        List<Metric> history = client.getMetricHistory(runId, "acc");
        assertEquals(26000, history.size());
        for (int i = 0; i < history.size(); i++) {
            assertEquals(i, history.get(i).getStep());
        }
    }

    @Test
    void searchesRunsByMetricParamTagAndAttributesWithOrderAndPaging() {
        String exp = client.createExperiment(unique("find"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String runId = client.createRun(exp).getRunId();
            ids.add(runId);
            client.logMetric(runId, "rmse", i / 10.0, 1, 0);
            client.logParam(runId, "model", i % 2 == 0 ? "ridge" : "tree");
            client.setTag(runId, "stage", i < 3 ? "draft" : "final");
        }
        client.setTerminated(ids.get(6), RunStatus.FAILED);

        RunsPage ridge = client.searchRuns(List.of(exp), "metrics.rmse < 0.45 and params.model = 'ridge'", ViewType.ACTIVE_ONLY,
                100, List.of("metrics.rmse DESC"));
        assertEquals(List.of(ids.get(4), ids.get(2), ids.get(0)), ridge.getItems().stream().map(r -> r.getInfo().getRunId()).toList());

        RunsPage failed = client.searchRuns(List.of(exp), "attributes.status = 'FAILED'", ViewType.ACTIVE_ONLY, 100, List.of());
        assertEquals(List.of(ids.get(6)), failed.getItems().stream().map(r -> r.getInfo().getRunId()).toList());

        RunsPage either = client.searchRuns(List.of(exp), "tags.stage = 'draft' OR (metrics.rmse >= 0.6)", ViewType.ACTIVE_ONLY,
                100, List.of("metrics.rmse ASC"));
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(6)), either.getItems().stream().map(r -> r.getInfo().getRunId()).toList());

        List<String> paged = new ArrayList<>();
        RunsPage page = client.searchRuns(List.of(exp), "", ViewType.ACTIVE_ONLY, 3, List.of("metrics.rmse ASC"));
        paged.addAll(page.getItems().stream().map(r -> r.getInfo().getRunId()).toList());
        while (page.hasNextPage()) {
            page = (RunsPage) page.getNextPage();
            paged.addAll(page.getItems().stream().map(r -> r.getInfo().getRunId()).toList());
        }
        assertEquals(ids, paged, "pages in metric order, each run once");
    }

    @Test
    void letsDeletedRunsBeReadButRefusesWritesUntilRestored() {
        String runId = client.createRun().getRunId();
        client.deleteRun(runId);
        assertEquals("deleted", client.getRun(runId).getInfo().getLifecycleStage());
        MlflowClientException e = assertThrows(MlflowClientException.class, () -> client.logMetric(runId, "x", 1));
        assertEquals(400, status(e));
        assertThrows(MlflowClientException.class, () -> client.setTag(runId, "k", "v"));
        client.restoreRun(runId);
        client.logMetric(runId, "x", 1);
        assertEquals(1, client.getRun(runId).getData().getMetricsCount());
    }

    @Test
    void answersUnknownRunsAndExperimentsWith404() {
        MlflowClientException run = assertThrows(MlflowClientException.class, () -> client.getRun("0".repeat(32)));
        assertEquals(404, status(run));
        MlflowClientException exp = assertThrows(MlflowClientException.class, () -> client.getExperiment("987654"));
        assertEquals(404, status(exp));
    }

    @Test
    void losesNoPointWhenEightThreadsLogBatchesIntoOneRun() throws Exception {
        String runId = client.createRun().getRunId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int b = 0; b < 5; b++) {
                    List<Metric> metrics = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        long step = ((long) thread * 5 + b) * 200 + i;
                        metrics.add(Metric.newBuilder().setKey("shared").setValue(step).setTimestamp(step).setStep(step).build());
                    }
                    client.logBatch(runId, metrics, List.of(), List.of(RunTag.newBuilder().setKey("writer").setValue("t" + thread).build()));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        List<Metric> history = client.getMetricHistory(runId, "shared");
        assertEquals(8 * 5 * 200, history.size());
        Set<Long> steps = history.stream().map(Metric::getStep).collect(Collectors.toSet());
        assertEquals(8 * 5 * 200, steps.size());
        Metric latest = client.getRun(runId).getData().getMetrics(0);
        assertEquals(8 * 5 * 200 - 1, latest.getStep(), "the latest value survives concurrent writers");
        String writer = client.getRun(runId).getData().getTagsList().stream()
                .filter(t -> t.getKey().equals("writer")).findFirst().orElseThrow().getValue();
        assertTrue(writer.matches("t[0-7]"), "the tag holds one writer's value, whole: " + writer);
    }
}
