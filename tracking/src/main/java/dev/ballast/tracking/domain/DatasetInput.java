package dev.ballast.tracking.domain;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * A dataset a run consumed (MLflow log-inputs), with its input tags such as {@code mlflow.data.context}.
 * {@code datasetCommit} links it to a Ballast dataset version (the commit id) when the digest is
 * the blob id of one; null for data Ballast does not hold.
 */
public record DatasetInput(String name, String digest, String sourceType, String source, String schema,
                           String profile, Map<String, String> tags, @Nullable String datasetCommit) {

    public static final String CONTEXT_TAG = "mlflow.data.context";

    public DatasetInput(String name, String digest, String sourceType, String source, String schema, String profile,
                        Map<String, String> tags) {
        this(name, digest, sourceType, source, schema, profile, tags, null);
    }

    public DatasetInput linkedTo(@Nullable String commit) {
        return new DatasetInput(name, digest, sourceType, source, schema, profile, tags, commit);
    }

    @Nullable
    public String context() {
        return tags.get(CONTEXT_TAG);
    }
}
