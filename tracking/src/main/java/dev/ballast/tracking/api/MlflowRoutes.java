package dev.ballast.tracking.api;

/**
 * The MLflow REST routes Ballast serves, written down once. Every route is served under both
 * prefixes MLflow uses: {@code /api/2.0/mlflow} (clients) and {@code /ajax-api/2.0/mlflow} (MLflow's UI).
 */
public final class MlflowRoutes {
    public static final String API = "/api/2.0/mlflow";
    public static final String AJAX = "/ajax-api/2.0/mlflow";

    public static final String EXPERIMENTS_CREATE = "/experiments/create";
    public static final String EXPERIMENTS_GET = "/experiments/get";
    public static final String EXPERIMENTS_GET_BY_NAME = "/experiments/get-by-name";
    public static final String EXPERIMENTS_SEARCH = "/experiments/search";
    public static final String EXPERIMENTS_UPDATE = "/experiments/update";
    public static final String EXPERIMENTS_DELETE = "/experiments/delete";
    public static final String EXPERIMENTS_RESTORE = "/experiments/restore";
    public static final String EXPERIMENTS_SET_TAG = "/experiments/set-experiment-tag";

    public static final String RUNS_CREATE = "/runs/create";
    public static final String RUNS_GET = "/runs/get";
    public static final String RUNS_UPDATE = "/runs/update";
    public static final String RUNS_DELETE = "/runs/delete";
    public static final String RUNS_RESTORE = "/runs/restore";
    public static final String RUNS_SEARCH = "/runs/search";
    public static final String RUNS_LOG_METRIC = "/runs/log-metric";
    public static final String RUNS_LOG_PARAMETER = "/runs/log-parameter";
    public static final String RUNS_SET_TAG = "/runs/set-tag";
    public static final String RUNS_DELETE_TAG = "/runs/delete-tag";
    public static final String RUNS_LOG_BATCH = "/runs/log-batch";
    public static final String RUNS_LOG_MODEL = "/runs/log-model";
    public static final String RUNS_LOG_INPUTS = "/runs/log-inputs";
    public static final String METRICS_GET_HISTORY = "/metrics/get-history";
    public static final String ARTIFACTS_LIST = "/artifacts/list";

    private MlflowRoutes() {
    }
}
