package dev.ballast.bench;

import java.util.Random;

/**
 * The runs the search benchmark searches: one experiment of many finished runs, each with
 * {@value #PARAMS} params, {@value #METRICS} metrics (latest value and one history point) and
 * {@value #TAGS} tags, written as COPY text rows for the tracking tables.
 *
 * <p>Metric values are uniform in [0, 1), so {@code metrics.m3 > 0.9} matches about a tenth of
 * the runs; param values are {@code v0}..{@code v9}, uniform, so {@code params.p1 = 'v7'} also
 * matches about a tenth. Everything derives from one seed, so every run loads the same data.
 */
public final class SearchDataset {
    public static final int PARAMS = 10;
    public static final int METRICS = 10;
    public static final int TAGS = 5;
    public static final int PARAM_VALUES = 10;
    public static final long BASE_START_TIME = 1_690_000_000_000L;

    public static final String RUN_COLUMNS =
            "run_uuid, experiment_id, run_name, user_id, status, start_time, end_time, lifecycle_stage, artifact_uri";
    public static final String PARAM_COLUMNS = "run_uuid, param_key, param_value";
    public static final String TAG_COLUMNS = "run_uuid, tag_key, tag_value";
    public static final String METRIC_COLUMNS = "run_uuid, metric_key, metric_value, ts, step, is_nan";

    private final long experimentId;
    private final String[] runIds;
    private final double[] metricValues;
    private final byte[] paramValues;

    public SearchDataset(long experimentId, int runs, long seed) {
        this.experimentId = experimentId;
        this.runIds = new String[runs];
        this.metricValues = new double[runs * METRICS];
        this.paramValues = new byte[runs * PARAMS];
        Random r = new Random(seed);
        for (int i = 0; i < runs; i++) {
            runIds[i] = RunIds.next(r);
            for (int k = 0; k < METRICS; k++) {
                metricValues[i * METRICS + k] = r.nextDouble();
            }
            for (int k = 0; k < PARAMS; k++) {
                paramValues[i * PARAMS + k] = (byte) r.nextInt(PARAM_VALUES);
            }
        }
    }

    public int runs() {
        return runIds.length;
    }

    public String runId(int i) {
        return runIds[i];
    }

    public double metric(int run, int key) {
        return metricValues[run * METRICS + key];
    }

    /** The value of param {@code p<key>} of run {@code run}: {@code "v" + paramValue(run, key)}. */
    public int paramValue(int run, int key) {
        return paramValues[run * PARAMS + key];
    }

    public static long startTime(int i) {
        return BASE_START_TIME + i * 1000L;
    }

    public static String runName(int i) {
        return "run-" + i;
    }

    public static String user(int i) {
        return "user" + (i % 20);
    }

    /** One row of {@link #RUN_COLUMNS}, without the newline. */
    public void appendRun(int i, StringBuilder sb) {
        long start = startTime(i);
        sb.append(runIds[i]).append('\t').append(experimentId).append('\t').append(runName(i)).append('\t').append(user(i))
                .append("\tFINISHED\t").append(start).append('\t').append(start + 600_000).append("\tactive\tmlflow-artifacts:/")
                .append(experimentId).append('/').append(runIds[i]).append("/artifacts");
    }

    /** Param {@code k} of run {@code i} as a row of {@link #PARAM_COLUMNS}, without the newline. */
    public void appendParam(int i, int k, StringBuilder sb) {
        sb.append(runIds[i]).append("\tp").append(k).append("\tv").append(paramValue(i, k));
    }

    /** Tag {@code k} of run {@code i} as a row of {@link #TAG_COLUMNS}, without the newline. */
    public void appendTag(int i, int k, StringBuilder sb) {
        sb.append(runIds[i]).append('\t');
        switch (k) {
            case 0 -> sb.append("mlflow.runName\t").append(runName(i));
            case 1 -> sb.append("mlflow.user\t").append(user(i));
            case 2 -> sb.append("mlflow.source.type\tLOCAL");
            case 3 -> sb.append("mlflow.source.name\ttrain.py");
            case 4 -> sb.append("team\tteam-").append(i % 5);
            default -> throw new IllegalArgumentException("tag " + k);
        }
    }

    /**
     * Metric {@code k} of run {@code i} as a row of {@link #METRIC_COLUMNS} (for latest_metrics and
     * for its one history point in metrics alike), without the newline.
     */
    public void appendMetric(int i, int k, StringBuilder sb) {
        sb.append(runIds[i]).append("\tm").append(k).append('\t').append(metric(i, k)).append('\t')
                .append(startTime(i) + 300_000).append("\t100\tf");
    }
}
