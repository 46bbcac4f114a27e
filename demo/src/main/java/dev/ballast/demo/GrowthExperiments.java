package dev.ballast.demo;

import dev.ballast.client.BallastModels;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.slm.ElasticNetCDTrainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The growth-prediction experiment: regularised linear models (elastic net by coordinate descent: alpha, L1 ratio) and
 * CART regression trees, each at a few hyperparameter settings, trained with Tribuo and logged as MLflow runs with the
 * official Java client: params, r2/mae/rmse/mape on the holdout after every epoch as the metrics' history (linear: the
 * model after that many coordinate-descent passes; tree: grown to that depth), so the latest values are the final model's; the
 * dataset input and the model (ballast-client).
 */
public final class GrowthExperiments {
    /** A trained, logged candidate. */
    public record Candidate(String name, String runId, RegressionMetrics metrics, Model<Regressor> model) {
    }

    private final MlflowClient mlflow;
    private final BallastModels models;
    private final BallastApi api;
    private final Console console;

    public GrowthExperiments(MlflowClient mlflow, BallastModels models, BallastApi api, Console console) {
        this.mlflow = mlflow;
        this.models = models;
        this.api = api;
        this.console = console;
    }

    /** Trains and logs every candidate into {@code experimentId}; {@code digest} names the dataset version trained on. */
    public List<Candidate> run(String experimentId, Split split, String dataset, String digest, int epochs, long seed) {
        List<Candidate> out = new ArrayList<>();
        for (double[] penalty : new double[][] {{0.01, 0.5}, {0.1, 0.5}, {1.0, 0.9}}) {
            double alpha = penalty[0];
            double l1Ratio = penalty[1];
            Map<String, String> params = new LinkedHashMap<>();
            params.put("model", "elastic-net");
            params.put("trainer", "ElasticNetCDTrainer");
            params.put("alpha", Double.toString(alpha));
            params.put("l1_ratio", Double.toString(l1Ratio));
            params.put("max_iterations", Integer.toString(epochs));
            out.add(train("elastic-net-a" + alpha + "-l1r" + l1Ratio, experimentId, split, dataset, digest, params, epochs,
                    e -> new ElasticNetCDTrainer(alpha, l1Ratio, 1e-4, e, false, seed)));
        }
        for (int depth : new int[] {6, 10}) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("model", "tree");
            params.put("trainer", "CARTRegressionTrainer");
            params.put("max_depth", Integer.toString(depth));
            out.add(train("cart-depth-" + depth, experimentId, split, dataset, digest, params, depth,
                    d -> new CARTRegressionTrainer(d)));
        }
        return out;
    }

    private Candidate train(String name, String experimentId, Split split, String dataset, String digest, Map<String, String> params,
                            int stages, IntFunction<Trainer<Regressor>> trainerFor) {
        RunInfo run = mlflow.createRun(experimentId);
        String runId = run.getRunId();
        List<Param> logged = new ArrayList<>();
        params.forEach((k, v) -> logged.add(Param.newBuilder().setKey(k).setValue(v).build()));
        logged.add(Param.newBuilder().setKey("train_rows").setValue(Integer.toString(split.train().size())).build());
        mlflow.logBatch(runId, List.of(), logged, List.of(RunTag.newBuilder().setKey("mlflow.runName").setValue(name).build()));
        logDatasetInput(runId, dataset, digest);

        Model<Regressor> model = null;
        RegressionMetrics metrics = null;
        for (int stage = 1; stage <= stages; stage++) {
            model = trainerFor.apply(stage).train(split.train());
            metrics = evaluate(model, split.holdout());
            long now = System.currentTimeMillis();
            List<Metric> perStage = new ArrayList<>();
            for (Map.Entry<String, Double> m : metrics.asMap().entrySet()) {
                perStage.add(Metric.newBuilder().setKey(m.getKey()).setValue(m.getValue()).setTimestamp(now).setStep(stage).build());
            }
            mlflow.logBatch(runId, perStage, List.of(), List.of());
            console.progress(name, stage, stages);
        }
        models.log(runId, model);
        mlflow.setTerminated(runId, RunStatus.FINISHED);
        console.info("%-24s r2 %.3f  mae %8.2f  rmse %8.2f  mape %5.1f %%  run %s", name, metrics.r2(), metrics.mae(), metrics.rmse(),
                100 * metrics.mape(), runId);
        return new Candidate(name, runId, metrics, model);
    }

    /** MLflow's log-inputs with the Ballast blob id as digest: Ballast links the run to that dataset version. */
    void logDatasetInput(String runId, String dataset, String digest) {
        api.post("/api/2.0/mlflow/runs/log-inputs", Map.of("run_id", runId, "datasets", List.of(Map.of(
                "tags", List.of(Map.of("key", "mlflow.data.context", "value", "training")),
                "dataset", Map.of("name", dataset, "digest", digest, "source_type", "git",
                        "source", "{\"dataset\":\"" + dataset + "\"}")))));
    }

    static RegressionMetrics evaluate(Model<Regressor> model, List<Influencer> holdout) {
        double[] actual = new double[holdout.size()];
        double[] predicted = new double[holdout.size()];
        for (int i = 0; i < holdout.size(); i++) {
            Influencer r = holdout.get(i);
            Prediction<Regressor> p = model.predict(new ArrayExample<>(new Regressor(Influencer.TARGET, Double.NaN), Influencer.FEATURES,
                    r.features()));
            actual[i] = r.nextMonthViewsK();
            predicted[i] = p.getOutput().getValues()[0];
        }
        return RegressionMetrics.of(actual, predicted);
    }
}
