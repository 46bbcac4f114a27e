package dev.ballast.tracking.api;

import dev.ballast.tracking.domain.DatasetInput;
import dev.ballast.tracking.domain.Experiment;
import dev.ballast.tracking.domain.Metric;
import dev.ballast.tracking.domain.Run;
import dev.ballast.tracking.domain.RunInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracking entities in MLflow's JSON shape (field names of MLflow's protobuf messages).
 * Experiment ids go out as strings and times as numbers, as the MLflow server writes them.
 */
public final class MlflowViews {

    private MlflowViews() {
    }

    public static Map<String, Object> experiment(Experiment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment_id", Long.toString(e.id()));
        m.put("name", e.name());
        m.put("artifact_location", e.artifactLocation());
        m.put("lifecycle_stage", e.stage().wire());
        m.put("last_update_time", e.lastUpdateTime());
        m.put("creation_time", e.creationTime());
        m.put("tags", keyValues(e.tags()));
        return m;
    }

    public static Map<String, Object> run(Run r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("metrics", r.latestMetrics().stream().map(MlflowViews::metric).toList());
        data.put("params", keyValues(r.params()));
        data.put("tags", keyValues(r.tags()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("info", runInfo(r.info()));
        m.put("data", data);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("dataset_inputs", r.inputs().stream().map(MlflowViews::datasetInput).toList());
        m.put("inputs", inputs);
        return m;
    }

    public static Map<String, Object> runInfo(RunInfo i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", i.runId());
        m.put("run_uuid", i.runId());
        m.put("run_name", i.runName());
        m.put("experiment_id", Long.toString(i.experimentId()));
        m.put("user_id", i.userId());
        m.put("status", i.status().name());
        m.put("start_time", i.startTime());
        m.put("end_time", i.endTime());
        m.put("artifact_uri", i.artifactUri());
        m.put("lifecycle_stage", i.stage().wire());
        return m;
    }

    public static Map<String, Object> metric(Metric metric) {
        Map<String, Object> m = new LinkedHashMap<>(6);
        m.put("key", metric.key());
        m.put("value", metric.value());
        m.put("timestamp", metric.timestamp());
        m.put("step", metric.step());
        return m;
    }

    static Map<String, Object> datasetInput(DatasetInput input) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", input.name());
        dataset.put("digest", input.digest());
        dataset.put("source_type", input.sourceType());
        dataset.put("source", input.source());
        dataset.put("schema", input.schema());
        dataset.put("profile", input.profile());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tags", keyValues(input.tags()));
        m.put("dataset", dataset);
        return m;
    }

    static List<Map<String, Object>> keyValues(Map<String, String> pairs) {
        List<Map<String, Object>> out = new ArrayList<>(pairs.size());
        pairs.forEach((k, v) -> {
            Map<String, Object> kv = new LinkedHashMap<>(2);
            kv.put("key", k);
            kv.put("value", v);
            out.add(kv);
        });
        return out;
    }
}
