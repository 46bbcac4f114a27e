package dev.ballast.platform.ui.tracking;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs for the tracking pages' tests, logged through the official MLflow Java client as training
 * code logs them: {@value #PLAIN_RUNS} runs {@code run-00}.. with params {@code lr} and
 * {@code model} and metrics {@code rmse} and {@code acc}; a run with a long {@code loss} history
 * and artifacts; and a run whose name and a param value are script tags.
 */
final class TrackingUiFixture implements AutoCloseable {
    static final int PLAIN_RUNS = 55;
    static final int HISTORY_POINTS = 3_000;
    static final String SCRIPT = "<script>alert(1)</script>";

    final MlflowClient client;
    final String experimentId;
    final String experimentName = "ui-pages-" + UUID.randomUUID().toString().substring(0, 8);
    /** Run names by id, in creation order. */
    final Map<String, String> names = new LinkedHashMap<>();
    final List<String> plainRuns = new ArrayList<>();
    final String historyRun;
    final String scriptRun;

    TrackingUiFixture(BallastTestServer server) {
        client = new MlflowClient(new BasicMlflowHostCreds(server.baseUrl(), BallastTestServer.ADMIN, BallastTestServer.ADMIN_PASSWORD));
        experimentId = client.createExperiment(experimentName);
        for (int i = 0; i < PLAIN_RUNS; i++) {
            String name = String.format("run-%02d", i);
            String id = run(name,
                    List.of(metric("rmse", i / 100.0, 0), metric("acc", 1 - i / 100.0, 0)),
                    List.of(param("lr", String.format("0.%03d", i)), param("model", i % 2 == 0 ? "tree" : "linear")));
            plainRuns.add(id);
        }
        historyRun = run("long-history", List.of(metric("acc", 0.5, 0)), List.of(param("lr", "0.5"), param("model", "tree")));
        for (int from = 0; from < HISTORY_POINTS; from += 1000) {
            List<Metric> batch = new ArrayList<>();
            for (int step = from; step < from + 1000; step++) {
                batch.add(Metric.newBuilder().setKey("loss").setValue(1.0 / (1 + step)).setTimestamp(1_700_000_000_000L + step * 1000L)
                        .setStep(step).build());
            }
            client.logBatch(historyRun, batch, List.of(), List.of());
        }
        String root = client.getRun(historyRun).getInfo().getArtifactUri().substring("mlflow-artifacts:/".length());
        upload(server, root + "/model/weights.bin", "weights-bytes-0123456789");
        upload(server, root + "/notes.txt", "notes of the run");
        scriptRun = run(SCRIPT, List.of(metric("rmse", 0.9, 0)), List.of(param("note", SCRIPT), param("lr", "0.9")));
    }

    private String run(String name, List<Metric> metrics, List<Param> params) {
        String id = client.createRun(experimentId).getRunId();
        client.logBatch(id, metrics, params, List.of(RunTag.newBuilder().setKey("mlflow.runName").setValue(name).build()));
        client.setTerminated(id, RunStatus.FINISHED, System.currentTimeMillis());
        names.put(id, name);
        return id;
    }

    private static void upload(BallastTestServer server, String path, String content) {
        TestResponse r = server.send("PUT", "/api/2.0/mlflow-artifacts/artifacts/" + path, content, "application/octet-stream",
                server.adminAuth());
        if (r.status() != 200) {
            throw new AssertionError("artifact upload answered " + r);
        }
    }

    static Metric metric(String key, double value, long step) {
        return Metric.newBuilder().setKey(key).setValue(value).setTimestamp(System.currentTimeMillis()).setStep(step).build();
    }

    static Param param(String key, String value) {
        return Param.newBuilder().setKey(key).setValue(value).build();
    }

    String runsPath() {
        return "/ui/experiments/" + experimentId + "/runs";
    }

    @Override
    public void close() {
        client.close();
    }
}
