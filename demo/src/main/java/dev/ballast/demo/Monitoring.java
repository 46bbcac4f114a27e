package dev.ballast.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Map;

/**
 * The monitoring steps: a retraining policy that acts on drift, a KS monitor of the served model checked every few
 * seconds (reference: the training dataset version found through the lineage), and waiting for its verdicts and for the
 * workflow a drift verdict starts.
 */
public final class Monitoring {
    private final BallastApi engineer;
    private final Console console;
    private final Waits waits;

    public Monitoring(BallastApi engineer, Console console, Waits waits) {
        this.engineer = engineer;
        this.console = console;
        this.waits = waits;
    }

    /** Retrain on drift, with a one-minute cooldown so the demo can run again right away. */
    public void retrainOnDrift(String model) {
        JsonNode policy = engineer.put("/api/v1/models/" + BallastApi.encode(model) + "/retraining", Map.of("retrain_on_drift", true,
                "cooldown_seconds", 60));
        console.info("retraining policy: on drift, executor %s, cooldown %s s", policy.path("executor").asText("internal"),
                policy.path("cooldown_seconds").asText("60"));
    }

    public long createMonitor(String model, int currentRows) {
        JsonNode monitor = engineer.post("/api/v1/drift/monitors", Map.of("model", model, "current_rows", currentRows,
                "schedule_seconds", 5, "alpha", 0.05));
        console.info("monitor #%d: KS per feature at alpha 0.05 on the newest %d served rows, every 5 s", monitor.path("id").asLong(),
                currentRows);
        return monitor.path("id").asLong();
    }

    /** The newest check after check {@code afterId}, waiting up to {@code seconds}. */
    public JsonNode awaitCheck(long monitor, long afterId, int seconds) {
        return waits.value("a check of monitor #" + monitor, seconds, () -> {
            JsonNode newest = newest(monitor);
            return newest != null && newest.path("id").asLong() > afterId && !newest.path("verdict").asText().equals("insufficient_data")
                    ? newest : null;
        });
    }

    /** The first check after {@code afterId} that found drift. */
    public JsonNode awaitDrift(long monitor, long afterId, int seconds) {
        return waits.value("monitor #" + monitor + " to flag drift", seconds, () -> {
            JsonNode newest = newest(monitor);
            return newest != null && newest.path("id").asLong() > afterId && newest.path("verdict").asText().equals("drift") ? newest : null;
        });
    }

    /** The workflow that monitor {@code monitor} started, once it succeeded (fails at once if it failed). */
    public JsonNode awaitWorkflow(String model, long monitor, int seconds) {
        String[] lastState = {""};
        JsonNode workflow = waits.value("the retraining workflow of monitor #" + monitor, seconds, () -> {
            for (JsonNode w : engineer.get("/api/v1/workflows?model=" + BallastApi.encode(model)).path("workflows")) {
                if (w.path("monitor_id").asLong() != monitor) {
                    continue;
                }
                String state = w.path("state").asText();
                if (!state.equals(lastState[0])) {
                    console.info("workflow #%d: %s", w.path("id").asLong(), state);
                    lastState[0] = state;
                }
                if (state.equals("failed")) {
                    throw new IllegalStateException("workflow failed: " + engineer.get("/api/v1/workflows/" + w.path("id").asLong()));
                }
                return state.equals("succeeded") ? w : null;
            }
            return null;
        });
        JsonNode full = engineer.get("/api/v1/workflows/" + workflow.path("id").asLong());
        for (JsonNode step : full.path("steps")) {
            console.info("  %-16s %-9s %s", step.path("name").asText(), step.path("state").asText(), brief(step.path("output")));
        }
        return full;
    }

    /** After the demo the monitor checks hourly instead of every 5 s. */
    public void slowDown(long monitor) {
        engineer.patch("/api/v1/drift/monitors/" + monitor, Map.of("schedule_seconds", 3600));
    }

    /** The verdict and the drifted features with their KS statistic and p-value. */
    public String describe(JsonNode check) {
        StringBuilder s = new StringBuilder(check.path("verdict").asText());
        JsonNode report = check.path("report");
        s.append(String.format(Locale.ROOT, ", %d of %d features drifted", report.path("drifted_features").asInt(),
                report.path("tested_features").asInt()));
        for (JsonNode f : report.path("features")) {
            if (f.path("drifted").asBoolean()) {
                s.append(String.format(Locale.ROOT, "; %s D=%.3f p=%.2g", f.path("feature").asText(), f.path("statistic").asDouble(),
                        f.path("p_value").asDouble()));
            }
        }
        if (check.hasNonNull("workflow_id")) {
            s.append("; started workflow #").append(check.path("workflow_id").asLong());
        } else if (check.hasNonNull("retraining")) {
            s.append("; retraining: ").append(check.path("retraining").asText());
        }
        return s.toString();
    }

    private JsonNode newest(long monitor) {
        JsonNode checks = engineer.get("/api/v1/drift/monitors/" + monitor + "/checks?max_results=1");
        JsonNode list = checks.isArray() ? checks : checks.path("checks");
        return list.size() == 0 ? null : list.get(0);
    }

    private static String brief(JsonNode output) {
        String text = output.isMissingNode() || output.isNull() ? "" : output.toString();
        return text.length() > 110 ? text.substring(0, 107) + "..." : text;
    }
}
