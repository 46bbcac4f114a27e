package dev.ballast.platform.registry;

import dev.ballast.client.BallastModels;
import dev.ballast.client.LoggedModel;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.tribuo.Model;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What serving tests need from the registry, through the public API only: users, a registered
 * model, Tribuo versions logged with the client helper and registered, and reviewed promotions.
 */
public final class ServingFixture {
    private static final String MLFLOW = "/api/2.0/mlflow/";
    public final BallastTestServer server;
    public final String engineer;
    public final String reviewer;
    private final String engineerName;

    public ServingFixture(BallastTestServer server, String prefix) {
        this.server = server;
        this.engineerName = prefix + "-engineer";
        this.engineer = server.createUser(engineerName, "ENGINEER");
        this.reviewer = server.createUser(prefix + "-reviewer", "REVIEWER");
    }

    public String createModel(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(200, server.postJson(MLFLOW + "registered-models/create", "{\"name\":\"" + name + "\"}", engineer).status());
        return name;
    }

    /** Logs {@code model} to a new run with the client helper and registers it; answers the version. */
    public String register(String name, Model<?> model) {
        TestResponse exp = server.postJson(MLFLOW + "experiments/create", "{\"name\":\"serve-" + UUID.randomUUID() + "\"}", engineer);
        TestResponse run = server.postJson(MLFLOW + "runs/create", "{\"experiment_id\":\"" + exp.json().get("experiment_id") + "\"}",
                engineer);
        String runId = (String) ((Map<?, ?>) ((Map<?, ?>) run.json().get("run")).get("info")).get("run_id");
        LoggedModel logged = BallastModels.connect(server.baseUrl(), engineerName, engineerName + "-password-123").log(runId, model);
        TestResponse created = server.postJson(MLFLOW + "model-versions/create", "{\"name\":\"" + name + "\",\"source\":\""
                + logged.runsUri() + "\",\"run_id\":\"" + runId + "\"}", engineer);
        assertEquals(200, created.status(), created.body());
        return (String) ((Map<?, ?>) created.json().get("model_version")).get("version");
    }

    /** Requests and approves a promotion of {@code version} to {@code alias}. */
    public void promote(String name, String version, String alias) {
        TestResponse r = server.postJson("/api/v1/promotions", "{\"model\":\"" + name + "\",\"version\":\"" + version + "\",\"alias\":\""
                + alias + "\",\"reason\":\"serving test\"}", engineer);
        assertEquals(201, r.status(), r.body());
        TestResponse approved = server.postJson("/api/v1/promotions/" + ((Number) r.json().get("id")).longValue() + "/approve", "{}",
                reviewer);
        assertEquals(200, approved.status(), approved.body());
    }

    public TestResponse predict(String path, String body) {
        return server.postJson(path, body, engineer);
    }
}
