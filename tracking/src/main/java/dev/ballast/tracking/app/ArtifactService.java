package dev.ballast.tracking.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.tracking.domain.ArtifactFile;
import dev.ballast.tracking.domain.ArtifactStore;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.util.List;

/**
 * Artifact use cases: the proxy's upload, download, listing and delete by store path (what the
 * MLflow tracking server does with {@code --serve-artifacts}), and the tracking API's listing of
 * one run's artifacts, which maps the run's {@code mlflow-artifacts:/...} artifact URI to a path
 * in the store. Paths are validated by the store, not here.
 */
@Singleton
public class ArtifactService {
    /** The URI scheme of artifacts that Ballast itself stores and serves. */
    public static final String SCHEME = "mlflow-artifacts:";

    private final ArtifactStore store;
    private final RunService runs;

    public ArtifactService(ArtifactStore store, RunService runs) {
        this.store = store;
        this.runs = runs;
    }

    /** A run's artifacts at one level: the run's artifact root and entries named relative to it. */
    public record RunListing(String rootUri, List<ArtifactFile> files) {
    }

    public void upload(String path, InputStream content) {
        store.write(path, content);
    }

    public ArtifactStore.Download download(String path) {
        return store.open(path);
    }

    /** A whole (small) artifact in memory, e.g. a model file a server-side job reads. */
    public byte[] readAll(String path) {
        try (java.io.InputStream in = store.open(path).content()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One level of a directory of the store, entries named relative to it. */
    public List<ArtifactFile> list(String dir) {
        return store.list(withoutTrailingSlash(dir));
    }

    public void delete(String path) {
        store.delete(path);
    }

    /**
     * One level of a run's artifacts under {@code path} (relative to the run's artifact root;
     * null or empty for the root), each entry named relative to the root as MLflow does
     * ({@code model/MLmodel}). Throws RESOURCE_DOES_NOT_EXIST for an unknown run and
     * NOT_IMPLEMENTED for a run whose artifacts live somewhere Ballast does not manage.
     */
    public RunListing listRun(String runId, String path) {
        String rootUri = runs.get(runId).info().artifactUri();
        String base = storePath(rootUri);
        String relative = withoutTrailingSlash(path);
        String dir = relative.isEmpty() ? base : base.isEmpty() ? relative : base + "/" + relative;
        List<ArtifactFile> files = store.list(dir).stream()
                .map(f -> relative.isEmpty() ? f : f.withPath(relative + "/" + f.path()))
                .toList();
        return new RunListing(rootUri, files);
    }

    /**
     * The store path an {@code mlflow-artifacts:} URI names: {@code mlflow-artifacts:/1/abc/artifacts}
     * and {@code mlflow-artifacts://host:port/1/abc/artifacts} both name {@code 1/abc/artifacts}.
     * Like MLflow, the path is taken as written, not percent-decoded.
     */
    public static String storePath(String artifactUri) {
        if (artifactUri == null || !artifactUri.startsWith(SCHEME)) {
            throw new BallastException(ErrorCode.NOT_IMPLEMENTED, "Ballast lists only artifacts it stores itself (artifact URIs "
                    + "starting with '" + SCHEME + "/'); this run's artifact URI is '" + artifactUri
                    + "'. Read those artifacts from their store directly.");
        }
        String rest = artifactUri.substring(SCHEME.length());
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        return withoutTrailingSlash(rest);
    }

    private static String withoutTrailingSlash(String path) {
        if (path == null) {
            return "";
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
