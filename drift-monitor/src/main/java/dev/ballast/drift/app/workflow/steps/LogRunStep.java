package dev.ballast.drift.app.workflow.steps;

import dev.ballast.client.BallastModels;
import dev.ballast.client.ModelFiles;
import dev.ballast.drift.app.workflow.RetrainingActor;
import dev.ballast.drift.app.workflow.StepAction;
import dev.ballast.drift.app.workflow.StepContext;
import dev.ballast.drift.app.workflow.StepResult;
import dev.ballast.drift.app.workflow.WorkflowJson;
import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.registry.app.tribuo.TribuoModelLoader;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.tracking.app.ArtifactService;
import dev.ballast.tracking.app.ExperimentService;
import dev.ballast.tracking.app.RunService;
import dev.ballast.tracking.domain.DatasetInput;
import dev.ballast.tracking.domain.Metric;
import dev.ballast.tracking.domain.Run;
import dev.ballast.tracking.domain.RunStatus;
import dev.ballast.tracking.domain.TrackingLimits;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.time.Clock;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 3: logs the retraining as a tracking run in the current version's experiment — params
 * (the recipe, split and data), holdout metrics, the dataset input (training context) — and
 * stores the model in the run's {@code model/} directory as {@code BallastModels.log} would.
 * The run, its params, metrics and input are created in one transaction with the step's
 * checkpoint (the run id), so a repeat after a crash finds the run instead of making another.
 */
@Singleton
public class LogRunStep implements StepAction {
    public static final String WORKFLOW_TAG = "ballast.workflow_id";
    public static final String ARTIFACT_PATH = "model";

    private final BaseVersion base;
    private final RunService runs;
    private final ExperimentService experiments;
    private final ArtifactService artifacts;
    private final StagedModels staged;
    private final TribuoModelLoader loader;
    private final WorkflowJson json;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public LogRunStep(BaseVersion base, RunService runs, ExperimentService experiments, ArtifactService artifacts, StagedModels staged,
                      TribuoModelLoader loader, WorkflowJson json, TransactionOperations<Connection> tx, Clock clock) {
        this.base = base;
        this.runs = runs;
        this.experiments = experiments;
        this.artifacts = artifacts;
        this.staged = staged;
        this.loader = loader;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public StepName name() {
        return StepName.LOG_RUN;
    }

    @Override
    public boolean atomic() {
        return false;
    }

    @Override
    public StepResult run(StepContext context) {
        Object saved = context.checkpoint().get("run_id");
        String runId = saved != null ? saved.toString() : tx.executeWrite(status -> createRun(context));
        Run run = runs.get(runId);
        byte[] model = staged.get(context.workflow().id());
        // model.tribuo is the staged bytes themselves, so its SHA-256 is the one training recorded.
        ModelFiles files = BallastModels.files(runId, loader.load(model), model, ARTIFACT_PATH, clock.instant());
        String dir = ArtifactService.storePath(run.info().artifactUri()) + "/" + ARTIFACT_PATH;
        files.files().forEach((name, bytes) -> artifacts.upload(dir + "/" + name, new ByteArrayInputStream(bytes)));
        if (!Boolean.TRUE.equals(context.checkpoint().get("model_logged"))) {
            tx.executeWrite(status -> {
                runs.logModel(runId, files.modelJson());
                runs.update(runId, RunStatus.FINISHED, clock.millis(), null);
                context.saveCheckpoint("model_logged", true);
                return null;
            });
        }
        Map<String, Object> out = new LinkedHashMap<>(context.checkpoint());
        out.put("run_id", runId);
        out.put("experiment_id", String.valueOf(run.info().experimentId()));
        out.put("artifact_path", ARTIFACT_PATH);
        out.put("source", "runs:/" + runId + "/" + ARTIFACT_PATH);
        return StepResult.done(out);
    }

    private String createRun(StepContext context) {
        Workflow w = context.workflow();
        ModelVersion current = base.of(w);
        Map<String, Object> data = context.output(StepName.CHOOSE_DATA);
        Map<String, Object> trained = context.output(StepName.TRAIN);
        long experimentId = current.runId() != null ? runs.get(current.runId()).info().experimentId()
                : ExperimentService.DEFAULT_EXPERIMENT_ID;
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(WORKFLOW_TAG, String.valueOf(w.id()));
        tags.put("ballast.retrained_from", current.label());
        tags.put("mlflow.source.name", "ballast-retraining-workflow");
        tags.put("mlflow.source.type", "JOB");
        if (w.checkId() != null) {
            tags.put("ballast.drift_check_id", String.valueOf(w.checkId()));
        }
        Run run = runs.create(new RunService.NewRun(experimentId, RetrainingActor.NAME, clock.millis(),
                "retrain-" + w.model() + "-wf" + w.id(), tags), RetrainingActor.NAME);
        String runId = run.info().runId();
        long now = clock.millis();
        List<Metric> metrics = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) trained.get("metrics");
        values.forEach((k, v) -> metrics.add(new Metric(k, v == null ? Double.NaN : ((Number) v).doubleValue(), now, 0)));
        List<Map.Entry<String, String>> params = new ArrayList<>();
        param(params, "trainer_class", trained.get("trainer_class"));
        param(params, "target_column", trained.get("target_column"));
        param(params, "train_fraction", trained.get("train_fraction"));
        param(params, "split_seed", trained.get("split_seed"));
        param(params, "train_rows", trained.get("train_rows"));
        param(params, "test_rows", trained.get("test_rows"));
        param(params, "dataset", data.get("dataset"));
        param(params, "dataset_version", data.get("version"));
        param(params, "dataset_commit", data.get("commit"));
        param(params, "base_version", current.version());
        param(params, "workflow_id", w.id());
        recipe(params, base.spec(current));
        runs.logBatch(runId, metrics, params, List.of());
        runs.logInputs(runId, List.of(input(data)));
        context.saveCheckpoint("run_id", runId);
        return runId;
    }

    /** The trainer's hyperparameters as {@code trainer.<name>} params (at most what one batch holds). */
    @SuppressWarnings("unchecked")
    private void recipe(List<Map.Entry<String, String>> params, Map<String, Object> spec) {
        Object trainer = spec.get("trainer");
        if (!(trainer instanceof Map<?, ?> t) || !(t.get("configuration") instanceof Map<?, ?> config)) {
            return;
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) config).entrySet()) {
            if (params.size() >= TrackingLimits.MAX_PARAMS_PER_BATCH) {
                break;
            }
            Object v = e.getValue();
            param(params, "trainer." + e.getKey(), v instanceof String s ? s : json.write(v));
        }
    }

    private static void param(List<Map.Entry<String, String>> params, String key, Object value) {
        if (value == null) {
            return;
        }
        String text = value.toString();
        if (text.length() > TrackingLimits.MAX_PARAM_VALUE_LENGTH) {
            text = text.substring(0, TrackingLimits.MAX_PARAM_VALUE_LENGTH);
        }
        params.add(new AbstractMap.SimpleEntry<>(key, text));
    }

    private DatasetInput input(Map<String, Object> data) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("dataset", data.get("dataset"));
        source.put("version", data.get("version"));
        source.put("commit", data.get("commit"));
        String commit = StepContext.string(data, "commit");
        return new DatasetInput(StepContext.string(data, "dataset"), StepContext.string(data, "digest"), "ballast", json.write(source),
                null, json.write(Map.of("num_rows", data.get("rows"))), Map.of(DatasetInput.CONTEXT_TAG, "training"), commit);
    }
}
