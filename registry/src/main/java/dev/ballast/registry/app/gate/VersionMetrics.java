package dev.ballast.registry.app.gate;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.tracking.app.RunService;
import dev.ballast.tracking.domain.Metric;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics a version is judged by: the latest value of each metric of its source run,
 * overlaid by those of a linked evaluation run (version tag {@value #EVALUATION_RUN_TAG}), so a
 * model evaluated after training is judged on the evaluation. A version without a run has none.
 */
@Singleton
public class VersionMetrics {
    public static final String EVALUATION_RUN_TAG = "ballast.evaluation_run_id";

    private final RunService runs;

    public VersionMetrics(RunService runs) {
        this.runs = runs;
    }

    public Map<String, Double> of(ModelVersion v) {
        Map<String, Double> out = new TreeMap<>();
        if (v.runId() != null) {
            add(out, v.runId());
        }
        String evaluation = v.tags().get(EVALUATION_RUN_TAG);
        if (evaluation != null && !evaluation.isBlank()) {
            add(out, evaluation.trim());
        }
        return out;
    }

    private void add(Map<String, Double> out, String runId) {
        try {
            for (Metric m : runs.get(runId).latestMetrics()) {
                out.put(m.key(), m.value());
            }
        } catch (BallastException e) {
            // An unknown run contributes nothing: its metrics then count as missing, which fails their rules.
            if (e.code() != ErrorCode.RESOURCE_DOES_NOT_EXIST) {
                throw e;
            }
        }
    }
}
