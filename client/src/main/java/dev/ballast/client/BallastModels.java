package dev.ballast.client;

import org.tribuo.Model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Logs a trained Tribuo model to a Ballast run as a <em>Ballast model</em>, so that a model
 * version made from that run can be loaded, checked and served. Two lines in a training program:
 *
 * <pre>{@code
 * BallastModels models = BallastModels.connect("http://127.0.0.1:8080", "alice", "her-password");
 * LoggedModel logged = models.log(runId, model);   // logged.runsUri() is "runs:/<runId>/model"
 * }</pre>
 *
 * <p>It writes, through Ballast's MLflow artifact proxy, {@code model/model.tribuo} (Tribuo 4.3's
 * protobuf serialization, never Java serialization), {@code model/ballast-model.json} (the
 * {@link BallastModelDescriptor} derived from the model and its provenance) and an MLflow
 * {@code model/MLmodel} marker, and records the model in the run's logged-model history as MLflow
 * clients do. It takes credentials itself because the official {@code MlflowClient} keeps its own
 * private; use the same address and user (or {@code blst_} token) as for that client.
 */
public final class BallastModels {
    /** The directory inside the run's artifacts that {@link #log(String, Model)} writes to. */
    public static final String DEFAULT_ARTIFACT_PATH = "model";
    /** The MLflow flavor name under which the {@code MLmodel} marker describes a Ballast model. */
    public static final String FLAVOR = "ballast_tribuo";

    private static final String ARTIFACT_SCHEME = "mlflow-artifacts:";
    private static final Pattern ARTIFACT_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final DateTimeFormatter MLFLOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final BallastHttp http;
    private final Clock clock;

    BallastModels(BallastHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** Connects with a user name and password (HTTP Basic, as {@code MLFLOW_TRACKING_USERNAME/PASSWORD}). */
    public static BallastModels connect(String trackingUri, String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new BallastModels(new BallastHttp(trackingUri, "Basic " + basic), Clock.systemUTC());
    }

    /** Connects with a personal API token ({@code blst_...}, as {@code MLFLOW_TRACKING_TOKEN}). */
    public static BallastModels connect(String trackingUri, String token) {
        Objects.requireNonNull(token, "token");
        return new BallastModels(new BallastHttp(trackingUri, "Bearer " + token), Clock.systemUTC());
    }

    /**
     * Connects as the MLflow clients on this machine would: {@code MLFLOW_TRACKING_URI}, then
     * {@code MLFLOW_TRACKING_TOKEN} or {@code MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD}.
     */
    public static BallastModels fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static BallastModels fromEnvironment(Map<String, String> env) {
        String uri = env.get("MLFLOW_TRACKING_URI");
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException("MLFLOW_TRACKING_URI is not set: it must name the Ballast server, e.g. http://127.0.0.1:8080.");
        }
        String token = env.get("MLFLOW_TRACKING_TOKEN");
        if (token != null && !token.isBlank()) {
            return connect(uri, token);
        }
        String user = env.get("MLFLOW_TRACKING_USERNAME");
        String password = env.get("MLFLOW_TRACKING_PASSWORD");
        if (user != null && password != null) {
            return connect(uri, user, password);
        }
        throw new IllegalStateException("Set MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD: "
                + "Ballast refuses anonymous calls.");
    }

    /** Logs {@code model} to the run's {@value #DEFAULT_ARTIFACT_PATH} directory. */
    public LoggedModel log(String runId, Model<?> model) {
        return log(runId, model, DEFAULT_ARTIFACT_PATH);
    }

    /**
     * Logs {@code model} to {@code artifactPath} (a relative directory such as {@code model} or
     * {@code models/price}) in the run's artifacts.
     *
     * @throws IllegalArgumentException if the model's output is not a Tribuo output Ballast knows
     * @throws BallastClientException   if Ballast refuses a call (unknown run, no permission, ...)
     *                                  or the run's artifacts are not stored by Ballast
     */
    public LoggedModel log(String runId, Model<?> model, String artifactPath) {
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("runId is required");
        }
        Objects.requireNonNull(model, "model");
        if (artifactPath == null || !ARTIFACT_PATH.matcher(artifactPath).matches()
                || Arrays.stream(artifactPath.split("/")).anyMatch(s -> s.equals(".") || s.equals(".."))) {
            throw new IllegalArgumentException("artifactPath must be a relative path of letters, digits, '.', '_', '-' "
                    + "and '/', such as 'model', not '" + artifactPath + "'");
        }
        ModelFiles files = files(runId, model, artifactPath, clock.instant());
        String artifactRoot = artifactRoot(runId);
        String dir = storePath(artifactRoot, runId) + "/" + artifactPath;
        files.files().forEach((name, bytes) -> http.putArtifact(dir + "/" + name, bytes, ModelFiles.contentType(name)));
        Map<String, Object> logModel = new LinkedHashMap<>();
        logModel.put("run_id", runId);
        logModel.put("model_json", files.modelJson());
        http.postJson("/api/2.0/mlflow/runs/log-model", logModel);
        BallastModelDescriptor descriptor = files.descriptor();

        String root = artifactRoot.endsWith("/") ? artifactRoot.substring(0, artifactRoot.length() - 1) : artifactRoot;
        return new LoggedModel(runId, artifactPath, "runs:/" + runId + "/" + artifactPath, root + "/" + artifactPath, descriptor);
    }

    /**
     * What {@link #log} writes for a model, without writing it: the files of the model directory
     * (in writing order) and the MLflow model JSON for the run's logged-model history. Ballast's
     * own retraining stores the same files without going through HTTP.
     */
    public static ModelFiles files(String runId, Model<?> model, String artifactPath, Instant now) {
        return files(runId, model, serialize(model), artifactPath, now);
    }

    /** As {@link #files(String, Model, String, Instant)} for a model whose {@code model.tribuo} bytes are already at hand. */
    public static ModelFiles files(String runId, Model<?> model, byte[] serialized, String artifactPath, Instant now) {
        BallastModelDescriptor descriptor = TribuoModelDescriber.describe(model, now).validate();
        Map<String, Object> mlmodel = mlmodel(runId, artifactPath, descriptor, now);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BallastModelDescriptor.MODEL_FILE_NAME, serialized);
        files.put(BallastModelDescriptor.FILE_NAME, descriptor.toJson());
        files.put("MLmodel", MlmodelYaml.write(mlmodel).getBytes(StandardCharsets.UTF_8));
        return new ModelFiles(descriptor, files, new String(Json.write(mlmodel, false), StandardCharsets.UTF_8));
    }

    private String artifactRoot(String runId) {
        Map<String, Object> run = Json.object(http.getJson("/api/2.0/mlflow/runs/get?run_id=" + BallastHttp.encode(runId)).get("run"));
        Object uri = Json.object(run.get("info")).get("artifact_uri");
        if (!(uri instanceof String s) || s.isBlank()) {
            throw new BallastClientException("Ballast's answer for run " + runId + " has no artifact_uri.", -1, null);
        }
        return s;
    }

    /** The proxy path of an {@code mlflow-artifacts:} URI: {@code mlflow-artifacts:/1/abc/artifacts} → {@code 1/abc/artifacts}. */
    static String storePath(String artifactUri, String runId) {
        if (!artifactUri.startsWith(ARTIFACT_SCHEME)) {
            throw new BallastClientException("The artifacts of run " + runId + " live at '" + artifactUri
                    + "', which Ballast does not store; Ballast models must be logged to runs whose artifact URI starts with '"
                    + ARTIFACT_SCHEME + "/'.", -1, null);
        }
        String rest = artifactUri.substring(ARTIFACT_SCHEME.length());
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest;
    }

    static byte[] serialize(Model<?> model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.serializeToStream(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialize the model: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The MLflow model metadata, as MLflow writes it to {@code MLmodel} and to the run's model history. */
    private static Map<String, Object> mlmodel(String runId, String artifactPath, BallastModelDescriptor descriptor, Instant now) {
        Map<String, Object> flavor = new LinkedHashMap<>();
        flavor.put("model_file", BallastModelDescriptor.MODEL_FILE_NAME);
        flavor.put("descriptor", BallastModelDescriptor.FILE_NAME);
        flavor.put("task_type", descriptor.taskType().jsonName());
        flavor.put("model_class", descriptor.modelClass());
        flavor.put("tribuo_version", descriptor.tribuoVersion());
        Map<String, Object> flavors = new LinkedHashMap<>();
        flavors.put(FLAVOR, flavor);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("artifact_path", artifactPath);
        m.put("flavors", flavors);
        m.put("model_uuid", UUID.randomUUID().toString().replace("-", ""));
        m.put("run_id", runId);
        m.put("utc_time_created", MLFLOW_TIME.format(now));
        return m;
    }
}
