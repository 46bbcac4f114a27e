package dev.ballast.demo;

import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed's two other models on the same data: K-Means segmentation of influencers (sizes and mean distance to the
 * segment's centre per segment, the within-segment sum of squares) and anomaly detection with a one-class SVM (the share
 * flagged, and how many of the accounts that bought followers it caught). Both work on standardised features, since
 * both measure distances.
 */
public final class SegmentationRuns {
    private final MlflowClient mlflow;
    private final GrowthExperiments inputs;
    private final Console console;

    public SegmentationRuns(MlflowClient mlflow, GrowthExperiments inputs, Console console) {
        this.mlflow = mlflow;
        this.inputs = inputs;
        this.console = console;
    }

    /** Logs the K-Means run; answers its run id. */
    public String segment(String experimentId, List<Influencer> rows, String dataset, String digest, int k, long seed) {
        double[][] x = Standardised.of(rows);
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> data = new MutableDataset<>(new SimpleDataSourceProvenance("influencers, standardised", factory), factory);
        for (double[] row : x) {
            data.add(new ArrayExample<>(new ClusterID(ClusterID.UNASSIGNED), Influencer.FEATURES, row));
        }
        Model<ClusterID> model = new KMeansTrainer(k, 50, KMeansTrainer.Distance.EUCLIDEAN, 1, seed).train(data);
        int[] sizes = new int[k];
        int[] assignment = new int[x.length];
        double[][] centres = new double[k][Influencer.FEATURES.length];
        for (int i = 0; i < x.length; i++) {
            Prediction<ClusterID> p = model.predict(data.getExample(i));
            int c = p.getOutput().getID();
            assignment[i] = c;
            sizes[c]++;
            for (int f = 0; f < x[i].length; f++) {
                centres[c][f] += x[i][f];
            }
        }
        double inertia = 0;
        double[] spread = new double[k];
        for (int c = 0; c < k; c++) {
            for (int f = 0; f < centres[c].length; f++) {
                centres[c][f] /= Math.max(1, sizes[c]);
            }
        }
        for (int i = 0; i < x.length; i++) {
            double d2 = 0;
            for (int f = 0; f < x[i].length; f++) {
                d2 += (x[i][f] - centres[assignment[i]][f]) * (x[i][f] - centres[assignment[i]][f]);
            }
            inertia += d2;
            spread[assignment[i]] += Math.sqrt(d2) / Math.max(1, sizes[assignment[i]]);
        }
        String runId = mlflow.createRun(experimentId).getRunId();
        List<Metric> metrics = new ArrayList<>();
        long now = System.currentTimeMillis();
        metrics.add(metric("inertia", inertia, now, 0));
        for (int c = 0; c < k; c++) {
            metrics.add(metric("segment_size", sizes[c], now, c));
            metrics.add(metric("segment_mean_distance", spread[c], now, c));
        }
        mlflow.logBatch(runId, metrics, List.of(param("model", "kmeans"), param("trainer", "KMeansTrainer"), param("k", k),
                param("iterations", 50), param("distance", "euclidean"), param("features", "standardised")),
                List.of(RunTag.newBuilder().setKey("mlflow.runName").setValue("segments-k" + k).build()));
        inputs.logDatasetInput(runId, dataset, digest);
        mlflow.setTerminated(runId, RunStatus.FINISHED);
        StringBuilder s = new StringBuilder();
        for (int size : sizes) {
            s.append(s.length() == 0 ? "" : ", ").append(size);
        }
        console.info("K-Means k=%d: segment sizes %s, within-segment sum of squares %.0f  run %s", k, s, inertia, runId);
        return runId;
    }

    /** Logs the one-class SVM run; answers its run id. */
    public String anomalies(String experimentId, List<Influencer> rows, String dataset, String digest, double nu, long seed) {
        double[][] x = Standardised.of(rows);
        AnomalyFactory factory = new AnomalyFactory();
        MutableDataset<Event> data = new MutableDataset<>(new SimpleDataSourceProvenance("influencers, standardised", factory), factory);
        for (double[] row : x) {
            data.add(new ArrayExample<>(AnomalyFactory.EXPECTED_EVENT, Influencer.FEATURES, row));
        }
        SVMParameters<Event> parameters = new SVMParameters<>(new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS), KernelType.RBF);
        parameters.setNu(nu);
        parameters.setGamma(1.0 / Influencer.FEATURES.length);
        Model<Event> model = new LibSVMAnomalyTrainer(parameters, seed).train(data);
        int flagged = 0;
        int bought = 0;
        int caught = 0;
        for (int i = 0; i < x.length; i++) {
            boolean anomalous = model.predict(data.getExample(i)).getOutput().getType() == Event.EventType.ANOMALOUS;
            flagged += anomalous ? 1 : 0;
            if (rows.get(i).anomalous()) {
                bought++;
                caught += anomalous ? 1 : 0;
            }
        }
        String runId = mlflow.createRun(experimentId).getRunId();
        long now = System.currentTimeMillis();
        double recall = bought == 0 ? 0 : (double) caught / bought;
        mlflow.logBatch(runId, List.of(metric("anomaly_share", (double) flagged / x.length, now, 0),
                        metric("flagged", flagged, now, 0), metric("bought_followers_recall", recall, now, 0)),
                List.of(param("model", "one-class-svm"), param("trainer", "LibSVMAnomalyTrainer"), param("kernel", "rbf"),
                        param("nu", nu), param("gamma", String.format(Locale.ROOT, "%.4f", 1.0 / Influencer.FEATURES.length))),
                List.of(RunTag.newBuilder().setKey("mlflow.runName").setValue("anomalies-nu" + nu).build()));
        inputs.logDatasetInput(runId, dataset, digest);
        mlflow.setTerminated(runId, RunStatus.FINISHED);
        console.info("one-class SVM nu=%.2f: %d of %d accounts flagged; caught %d of the %d with bought followers  run %s", nu, flagged,
                x.length, caught, bought, runId);
        return runId;
    }

    private static Metric metric(String key, double value, long time, long step) {
        return Metric.newBuilder().setKey(key).setValue(value).setTimestamp(time).setStep(step).build();
    }

    private static Param param(String key, Object value) {
        return Param.newBuilder().setKey(key).setValue(String.valueOf(value)).build();
    }

    /** Features scaled to mean 0 and standard deviation 1, column by column. */
    static final class Standardised {
        private Standardised() {
        }

        static double[][] of(List<Influencer> rows) {
            int n = rows.size();
            int d = Influencer.FEATURES.length;
            double[][] x = new double[n][];
            double[] mean = new double[d];
            double[] sd = new double[d];
            for (int i = 0; i < n; i++) {
                x[i] = rows.get(i).features();
                for (int f = 0; f < d; f++) {
                    mean[f] += x[i][f] / n;
                }
            }
            for (double[] row : x) {
                for (int f = 0; f < d; f++) {
                    sd[f] += (row[f] - mean[f]) * (row[f] - mean[f]) / n;
                }
            }
            for (double[] row : x) {
                for (int f = 0; f < d; f++) {
                    row[f] = (row[f] - mean[f]) / Math.max(Math.sqrt(sd[f]), 1e-12);
                }
            }
            return x;
        }
    }
}
