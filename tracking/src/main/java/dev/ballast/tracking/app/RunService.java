package dev.ballast.tracking.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.app.dataset.DatasetInputLinker;
import dev.ballast.tracking.domain.DatasetInput;
import dev.ballast.tracking.domain.Experiment;
import dev.ballast.tracking.domain.LifecycleStage;
import dev.ballast.tracking.domain.Metric;
import dev.ballast.tracking.domain.Run;
import dev.ballast.tracking.domain.RunInfo;
import dev.ballast.tracking.domain.RunStatus;
import dev.ballast.tracking.domain.RunStore;
import dev.ballast.tracking.domain.TrackingLimits;
import dev.ballast.tracking.domain.search.PageToken;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * MLflow's run use cases: create, update, delete and restore, and logging params, tags, metrics,
 * models and inputs. Each call is one transaction: a successful answer means committed.
 */
@Singleton
public class RunService {
    public static final String RUN_NAME_TAG = "mlflow.runName";
    public static final String LOG_MODEL_HISTORY_TAG = "mlflow.log-model.history";
    /**
     * The official Java client asks for metric history in pages of 25,000 but fails when a second
     * page comes back (it appends to an unmodifiable list), so requests for that many points or
     * more are answered whole, as MLflow's SQL store did.
     */
    static final int SINGLE_PAGE_HISTORY = 25_000;

    private final RunStore runs;
    private final DatasetInputLinker datasetLinks;
    private final ExperimentService experiments;
    private final Clock clock;

    public RunService(RunStore runs, ExperimentService experiments, DatasetInputLinker datasetLinks, Clock clock) {
        this.runs = runs;
        this.datasetLinks = datasetLinks;
        this.experiments = experiments;
        this.clock = clock;
    }

    /** What a client asks for when it creates a run. */
    public record NewRun(Long experimentId, String userId, Long startTime, String runName, Map<String, String> tags) {
    }

    @Transactional
    public Run create(NewRun request, String authenticatedUser) {
        long experimentId = request.experimentId() == null ? ExperimentService.DEFAULT_EXPERIMENT_ID : request.experimentId();
        Experiment experiment = experiments.get(experimentId);
        if (experiment.stage() != LifecycleStage.ACTIVE) {
            throw BallastException.invalid("The experiment " + experimentId + " must be in the 'active' state. Current state is "
                    + experiment.stage().wire() + ".");
        }
        Map<String, String> tags = new LinkedHashMap<>(request.tags());
        tags.forEach((k, v) -> {
            TrackingLimits.requireKey("key", k);
            TrackingLimits.requireTagValue(k, v);
        });
        String name = request.runName();
        String tagName = tags.get(RUN_NAME_TAG);
        if (name != null && tagName != null && !name.equals(tagName)) {
            throw BallastException.invalid("Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values "
                    + "(run_name='" + name + "', mlflow.runName='" + tagName + "').");
        }
        if (name == null || name.isBlank()) {
            name = tagName == null || tagName.isBlank() ? RunNames.generate() : tagName;
        }
        TrackingLimits.requireRunName(name);
        tags.put(RUN_NAME_TAG, name);
        String runId = UUID.randomUUID().toString().replace("-", "");
        String user = request.userId() == null || request.userId().isBlank() ? authenticatedUser : request.userId();
        long start = request.startTime() == null ? clock.millis() : request.startTime();
        if (start < 0) {
            throw BallastException.invalid("Invalid value " + start + " for parameter 'start_time': it must be >= 0.");
        }
        String artifactUri = trimSlash(experiment.artifactLocation()) + "/" + runId + "/artifacts";
        RunInfo info = new RunInfo(runId, experimentId, name, user, RunStatus.RUNNING, start, null, LifecycleStage.ACTIVE, artifactUri);
        runs.create(info, tags);
        return get(runId);
    }

    public Run get(String runId) {
        List<Run> loaded = runs.load(List.of(requireRunId(runId)));
        if (loaded.isEmpty()) {
            throw notFound(runId);
        }
        return loaded.get(0);
    }

    /** Several runs in the order asked, loaded together; RESOURCE_DOES_NOT_EXIST names the first id that is unknown. */
    public List<Run> getAll(List<String> runIds) {
        runIds.forEach(RunService::requireRunId);
        List<Run> loaded = runs.load(runIds);
        if (loaded.size() != runIds.size()) {
            Set<String> found = new HashSet<>();
            loaded.forEach(r -> found.add(r.info().runId()));
            String missing = runIds.stream().filter(id -> !found.contains(id)).findFirst().orElse(runIds.get(0));
            throw notFound(missing);
        }
        return loaded;
    }

    @Transactional
    public RunInfo update(String runId, RunStatus status, Long endTime, String runName) {
        RunInfo info = activeRun(runId);
        if (endTime != null && endTime < 0) {
            throw BallastException.invalid("Invalid value " + endTime + " for parameter 'end_time': it must be >= 0.");
        }
        if (runName != null && !runName.isBlank()) {
            TrackingLimits.requireRunName(runName);
            runs.logBatch(info.runId(), List.of(), Map.of(), Map.of(RUN_NAME_TAG, runName));
        } else {
            runName = null;
        }
        runs.update(info.runId(), status, endTime, runName);
        return runs.findInfo(info.runId()).orElseThrow();
    }

    @Transactional
    public void delete(String runId) {
        RunInfo info = existingRun(runId);
        runs.setStage(info.runId(), LifecycleStage.DELETED, clock.millis());
    }

    @Transactional
    public void restore(String runId) {
        RunInfo info = existingRun(runId);
        runs.setStage(info.runId(), LifecycleStage.ACTIVE, null);
    }

    /** The one write path for params, tags and metrics (log-metric, log-param and set-tag come here too). */
    @Transactional
    public void logBatch(String runId, List<Metric> metrics, List<Map.Entry<String, String>> params, List<Map.Entry<String, String>> tags) {
        TrackingLimits.requireBatchSizes(metrics.size(), params.size(), tags.size());
        Set<String> metricKeys = new HashSet<>();
        for (Metric m : metrics) {
            // A batch repeats few keys many times: check each key once, every timestamp always.
            if (metricKeys.add(m.key())) {
                TrackingLimits.requireKey("key", m.key());
            }
            TrackingLimits.requireTimestamp(m);
        }
        List<String> paramKeys = new ArrayList<>(params.size());
        Map<String, String> paramMap = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : params) {
            TrackingLimits.requireKey("key", p.getKey());
            TrackingLimits.requireParamValue(p.getKey(), p.getValue());
            paramKeys.add(p.getKey());
            paramMap.put(p.getKey(), p.getValue());
        }
        TrackingLimits.requireDistinctParamKeys(paramKeys);
        Map<String, String> tagMap = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : tags) {
            TrackingLimits.requireKey("key", t.getKey());
            TrackingLimits.requireTagValue(t.getKey(), t.getValue());
            tagMap.put(t.getKey(), t.getValue());
        }
        RunInfo info = activeRun(runId);
        runs.logBatch(info.runId(), metrics, paramMap, tagMap);
        String newName = tagMap.get(RUN_NAME_TAG);
        if (newName != null && !Objects.equals(newName, info.runName())) {
            TrackingLimits.requireRunName(newName);
            runs.update(info.runId(), null, null, newName);
        }
    }

    @Transactional
    public void deleteTag(String runId, String key) {
        RunInfo info = activeRun(runId);
        if (!runs.deleteTag(info.runId(), key)) {
            throw BallastException.notFound("No tag with name: " + key + " in run with id " + info.runId());
        }
    }

    /** MLflow keeps the models logged with a run as a JSON list in a tag. */
    @Transactional
    public void logModel(String runId, String modelJson) {
        if (modelJson == null || modelJson.isBlank()) {
            throw BallastException.invalid("Missing value for required parameter 'model_json'.");
        }
        RunInfo info = activeRun(runId);
        String previous = runs.findTag(info.runId(), LOG_MODEL_HISTORY_TAG).orElse(null);
        String history = previous == null || previous.isBlank() || !previous.trim().startsWith("[")
                ? "[" + modelJson + "]"
                : previous.trim().substring(0, previous.trim().length() - 1) + ", " + modelJson + "]";
        if (history.length() > TrackingLimits.MAX_TAG_VALUE_LENGTH) {
            throw BallastException.invalid("The model history of run " + info.runId() + " would exceed "
                    + TrackingLimits.MAX_TAG_VALUE_LENGTH + " characters.");
        }
        runs.logBatch(info.runId(), List.of(), Map.of(), Map.of(LOG_MODEL_HISTORY_TAG, history));
    }

    @Transactional
    public void logInputs(String runId, List<DatasetInput> inputs) {
        RunInfo info = activeRun(runId);
        for (DatasetInput input : inputs) {
            if (input.name() == null || input.name().isBlank() || input.digest() == null || input.digest().isBlank()) {
                throw BallastException.invalid("Each dataset input needs a dataset with 'name' and 'digest'.");
            }
            if (input.sourceType() == null || input.source() == null) {
                throw BallastException.invalid("Dataset '" + input.name() + "' needs 'source_type' and 'source'.");
            }
        }
        runs.addInputs(info.runId(), inputs.stream().map(datasetLinks::link).toList());
    }

    /** One page of a metric's history; {@code maxResults} null means every point. */
    public record HistoryPage(List<Metric> metrics, String nextPageToken) {
    }

    public HistoryPage history(String runId, String key, Integer maxResults, String pageToken) {
        RunInfo info = existingRun(runId);
        if (key == null || key.isEmpty()) {
            throw BallastException.invalid("Missing value for required parameter 'metric_key'.");
        }
        if (maxResults == null || maxResults >= SINGLE_PAGE_HISTORY) {
            return new HistoryPage(runs.history(info.runId(), key, 0, -1), null);
        }
        SearchLimits.requireMaxResults(maxResults);
        long offset = PageToken.decode(pageToken);
        List<Metric> page = runs.history(info.runId(), key, offset, maxResults + 1);
        String next = page.size() > maxResults ? PageToken.encode(offset + maxResults) : null;
        return new HistoryPage(page.subList(0, Math.min(page.size(), maxResults)), next);
    }

    RunInfo existingRun(String runId) {
        return runs.findInfo(requireRunId(runId)).orElseThrow(() -> notFound(runId));
    }

    RunInfo activeRun(String runId) {
        RunInfo info = existingRun(runId);
        if (!info.active()) {
            throw BallastException.invalid("The run " + runId + " must be in the 'active' state. Current state is deleted.");
        }
        return info;
    }

    static String requireRunId(String runId) {
        if (runId == null || runId.isBlank()) {
            throw BallastException.invalid("Missing value for required parameter 'run_id'.");
        }
        return runId;
    }

    static BallastException notFound(String runId) {
        return BallastException.notFound("Run with id=" + runId + " not found");
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
