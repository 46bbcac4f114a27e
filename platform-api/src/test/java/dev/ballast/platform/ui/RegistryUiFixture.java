package dev.ballast.platform.ui;

import dev.ballast.client.BallastModels;
import dev.ballast.client.LoggedModel;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.tribuo.Model;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the registry page tests set up, through the public API only: users, a model with a gate,
 * versions from runs with logged metrics (or a trained Tribuo model, for serving), card edits and
 * reviewed promotions.
 */
final class RegistryUiFixture {
    private static final String MLFLOW = "/api/2.0/mlflow/";
    final BallastTestServer server;
    final String engineerName;
    final String reviewerName;
    final String engineer;
    final String reviewer;

    RegistryUiFixture(BallastTestServer server, String prefix) {
        this.server = server;
        this.engineerName = prefix + "-engineer";
        this.reviewerName = prefix + "-reviewer";
        this.engineer = server.createUser(engineerName, "ENGINEER");
        this.reviewer = server.createUser(reviewerName, "REVIEWER");
    }

    static String password(String user) {
        return user + "-password-123";
    }

    /** A model whose gate needs r2 of at least 0.75. */
    String model(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        ok(server.postJson(MLFLOW + "registered-models/create", "{\"name\":\"" + name + "\",\"description\":\"Predicts churn\"}", engineer));
        ok(server.send("PUT", "/api/v1/models/" + name + "/gates", "{\"rules\":[\"metrics.r2 >= 0.75\"]}", "application/json", engineer));
        return name;
    }

    /** A run that logged {@code r2} and {@code mape}; answers its id. */
    String run(double r2, double mape) {
        Map<String, Object> exp = ok(server.postJson(MLFLOW + "experiments/create", "{\"name\":\"ui-" + UUID.randomUUID() + "\"}", engineer)).json();
        Map<?, ?> run = (Map<?, ?>) ok(server.postJson(MLFLOW + "runs/create", "{\"experiment_id\":\"" + exp.get("experiment_id") + "\"}",
                engineer)).json().get("run");
        String runId = (String) ((Map<?, ?>) run.get("info")).get("run_id");
        ok(server.postJson(MLFLOW + "runs/log-batch", "{\"run_id\":\"" + runId + "\",\"metrics\":[{\"key\":\"r2\",\"value\":" + r2
                + ",\"timestamp\":1,\"step\":0},{\"key\":\"mape\",\"value\":" + mape + ",\"timestamp\":1,\"step\":0}],"
                + "\"params\":[{\"key\":\"alpha\",\"value\":\"0.5\"}]}", engineer));
        return runId;
    }

    /** A version from a new run with these metrics; answers its number. */
    String version(String model, double r2, double mape) {
        return register(model, run(r2, mape));
    }

    /** Registers a version of {@code model} from a run's model; answers its number. */
    String register(String model, String run) {
        TestResponse r = ok(server.postJson(MLFLOW + "model-versions/create", "{\"name\":\"" + model + "\",\"source\":\"runs:/" + run
                + "/model\",\"run_id\":\"" + run + "\"}", engineer));
        return (String) ((Map<?, ?>) r.json().get("model_version")).get("version");
    }

    /** Logs a Tribuo model to a new run with the client helper and registers it; answers the version. */
    String servable(String model, Model<?> tribuo) {
        String run = run(0.9, 0.05);
        LoggedModel logged = BallastModels.connect(server.baseUrl(), engineerName, password(engineerName)).log(run, tribuo);
        TestResponse created = ok(server.postJson(MLFLOW + "model-versions/create", "{\"name\":\"" + model + "\",\"source\":\""
                + logged.runsUri() + "\",\"run_id\":\"" + run + "\"}", engineer));
        return (String) ((Map<?, ?>) created.json().get("model_version")).get("version");
    }

    /** Uploads a small CSV as version 1 of a new dataset and records that {@code run} trained on it. */
    void trainedOn(String run, String dataset) {
        ok(server.postJson("/api/v1/datasets", "{\"name\":\"" + dataset + "\"}", engineer));
        ok(server.send("POST", "/api/v1/datasets/" + dataset + "/versions", "x1,x2,y\n1,2,3\n4,5,6\n", "text/csv", engineer));
        ok(server.postJson("/api/v1/runs/" + run + "/inputs", "{\"dataset\":\"" + dataset + "\",\"version\":\"1\",\"context\":\"training\"}",
                engineer));
    }

    void editCard(String model, String version, String section, String text) {
        ok(server.send("PATCH", "/api/v1/models/" + model + "/versions/" + version + "/card",
                "{\"sections\":{\"" + section + "\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}}",
                "application/json", engineer));
    }

    /** Requests (as the engineer) a promotion of {@code version} to {@code alias}; answers its id. */
    long request(String model, String version, String alias) {
        TestResponse r = server.postJson("/api/v1/promotions", "{\"model\":\"" + model + "\",\"version\":\"" + version + "\",\"alias\":\""
                + alias + "\",\"reason\":\"better r2\"}", engineer);
        assertEquals(201, r.status(), r.body());
        return ((Number) r.json().get("id")).longValue();
    }

    /** Requests and approves (as the reviewer) a promotion. */
    void promote(String model, String version, String alias) {
        long id = request(model, version, alias);
        ok(server.postJson("/api/v1/promotions/" + id + "/approve", "{\"comment\":\"fixture\"}", reviewer));
    }

    TestResponse predict(String model, String body) {
        return server.postJson("/serving/" + model + "/predict", body, engineer);
    }

    private static TestResponse ok(TestResponse r) {
        if (r.status() / 100 != 2) {
            throw new AssertionError(r.toString());
        }
        return r;
    }
}
