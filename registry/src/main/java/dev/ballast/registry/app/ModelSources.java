package dev.ballast.registry.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.app.ArtifactService;
import dev.ballast.tracking.app.RunService;
import dev.ballast.tracking.domain.RunInfo;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Understands a model version's {@code source}: {@code runs:/<run id>/<path>} or an
 * {@code mlflow-artifacts:} URI inside a run's artifact root (the two forms MLflow's clients
 * write), else any URI Ballast does not manage. It answers where the model's files are in
 * Ballast's artifact store, when they are there, and the download URI MLflow clients expect.
 */
@Singleton
public class ModelSources {
    private static final String RUNS = "runs:/";

    private final RunService runs;

    public ModelSources(RunService runs) {
        this.runs = runs;
    }

    /** A checked source: the run it belongs to (if any) and, if Ballast stores it, its artifact store path. */
    public record Resolved(String runId, String artifactUri, String storePath) {
    }

    /**
     * Checks a new version's source against its run, as MLflow's server does: with a run id, the
     * run must exist and a {@code runs:/} source must name that run.
     */
    public Resolved resolve(String source, String runId) {
        if (source == null || source.isBlank()) {
            throw BallastException.invalid("Missing value for required parameter 'source'.");
        }
        if (source.length() > 2000) {
            throw BallastException.invalid("Parameter 'source' is " + source.length() + " characters long; the maximum is 2000.");
        }
        if (source.startsWith(RUNS)) {
            String rest = source.substring(RUNS.length());
            int slash = rest.indexOf('/');
            String sourceRun = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : trimSlashes(rest.substring(slash + 1));
            if (runId != null && !runId.isBlank() && !runId.equals(sourceRun)) {
                throw BallastException.invalid("The source '" + source + "' names run " + sourceRun + " but run_id is " + runId + ".");
            }
            RunInfo run = runs.get(sourceRun).info();
            String uri = path.isEmpty() ? run.artifactUri() : run.artifactUri() + "/" + path;
            return new Resolved(sourceRun, uri, storePath(uri));
        }
        String run = runId == null || runId.isBlank() ? null : runs.get(runId).info().runId();
        return new Resolved(run, source, source.startsWith(ArtifactService.SCHEME) ? storePath(source) : null);
    }

    /** Where MLflow clients download a version from (runs:/ sources resolved to the artifact URI). */
    public String downloadUri(String source) {
        if (source.startsWith(RUNS)) {
            try {
                return resolve(source, null).artifactUri();
            } catch (BallastException e) {
                return source;
            }
        }
        return source;
    }

    /** The store path of a source, when Ballast stores its files. */
    public Optional<String> storePathOf(String source) {
        try {
            return Optional.ofNullable(resolve(source, null).storePath());
        } catch (BallastException e) {
            return Optional.empty();
        }
    }

    private static String storePath(String uri) {
        if (!uri.startsWith(ArtifactService.SCHEME)) {
            return null;
        }
        try {
            return ArtifactService.storePath(uri);
        } catch (BallastException e) {
            return null;
        }
    }

    private static String trimSlashes(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == '/') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == '/') {
            b--;
        }
        return s.substring(a, b);
    }
}
