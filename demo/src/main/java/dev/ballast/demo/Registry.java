package dev.ballast.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The engineer's registry steps: the registered model with its gates (the seed's regression targets), a version from
 * the best run with the people-written sections of its model card (the seed's template), and the promotion request.
 */
public final class Registry {
    static final List<String> GATES = List.of("metrics.r2 >= 0.75", "metrics.mape < 0.1");
    private final BallastApi engineer;
    private final Console console;

    public Registry(BallastApi engineer, Console console) {
        this.engineer = engineer;
        this.console = console;
    }

    /** Registers {@code best} as a new version of {@code model}; answers the version. */
    public String register(String model, GrowthExperiments.Candidate best, String dataset, int datasetVersion, int rows) {
        engineer.send("POST", "/api/2.0/mlflow/registered-models/create", Map.of("name", model, "description",
                "Predicts an influencer's views next month from audience, activity and growth."), "application/json", Set.of(200, 400, 409));
        engineer.put("/api/v1/models/" + BallastApi.encode(model) + "/gates", Map.of("rules", GATES));
        JsonNode created = engineer.post("/api/2.0/mlflow/model-versions/create", Map.of("name", model, "source", "runs:/" + best.runId()
                + "/model", "run_id", best.runId(), "description", best.name()));
        String version = created.path("model_version").path("version").asText();
        engineer.patch("/api/v1/models/" + BallastApi.encode(model) + "/versions/" + version + "/card", Map.of("sections", Map.of(
                "description", "Growth prediction for influencer accounts: next month's views (thousands) from followers, views, "
                        + "engagement, posting frequency, likes, comments and six-month growth. " + best.name() + ".",
                "intended_use", "Weekly planning of campaigns: which accounts will grow. Not for judging a person.",
                "training_period", dataset + " v" + datasetVersion + " (" + rows + " accounts, 80/20 holdout split)",
                "limitations", "Synthetic demo data. Accounts that bought followers (about 2 %) are predicted poorly; "
                        + "engagement above 12 % was not seen in training.",
                "ethical_considerations", "Predictions rank public accounts; do not use them to exclude creators.",
                "notes", "Targets from the ML operations standard: r2 >= 0.75, mape < 10 %. Retrained weekly or on drift.")));
        JsonNode gates = engineer.post("/api/v1/models/" + BallastApi.encode(model) + "/versions/" + version + "/gates/evaluate", Map.of());
        console.info("%s v%s from run %s (%s); gates: %s", model, version, best.runId(), best.name(), summary(gates));
        return version;
    }

    /** Requests promotion of {@code version} to champion; answers the request id (fails when gates block it). */
    public long requestPromotion(String model, String version, String reason) {
        JsonNode request = engineer.post("/api/v1/promotions", Map.of("model", model, "version", version, "alias", "champion",
                "reason", reason));
        String status = request.path("status").asText().toUpperCase(Locale.ROOT);
        console.info("promotion request #%d by %s: %s", request.path("id").asLong(), engineer.user(), status);
        if (!status.equals("PENDING")) {
            throw new DemoException("the promotion request is " + status + ", not PENDING: " + request);
        }
        return request.path("id").asLong();
    }

    private static String summary(JsonNode gates) {
        StringBuilder s = new StringBuilder();
        for (JsonNode rule : gates.path("results")) {
            s.append(s.length() == 0 ? "" : ", ").append(rule.path("detail").asText(rule.path("rule").asText()))
                    .append(rule.path("passed").asBoolean() ? " (pass)" : " (FAIL)");
        }
        return s.length() == 0 ? gates.toString() : s.toString();
    }
}
