package dev.ballast.tracking.app.dataset;

import dev.ballast.tracking.domain.DatasetInput;
import dev.ballast.tracking.domain.dataset.DatasetStore;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Links a run input logged through MLflow's {@code runs/log-inputs} to the Ballast dataset
 * version it names. The digest decides: only a git blob id (40 hex digits) of a stored version
 * links. When several versions hold that content, the one whose commit the input's {@code source}
 * JSON names wins, then a version of the dataset with the input's name, then the newest.
 */
@Singleton
public class DatasetInputLinker {
    private static final Pattern BLOB_ID = Pattern.compile("[0-9a-f]{40}");

    private final DatasetStore store;
    private final ObjectMapper json;

    public DatasetInputLinker(DatasetStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public DatasetInput link(DatasetInput input) {
        if (input.datasetCommit() != null || input.digest() == null || !BLOB_ID.matcher(input.digest()).matches()) {
            return input;
        }
        List<DatasetVersion> versions = store.byDigest(input.digest());
        if (versions.isEmpty()) {
            return input;
        }
        Optional<String> commit = sourceCommit(input.source());
        DatasetVersion chosen = versions.stream().filter(v -> commit.isPresent() && v.commitId().equals(commit.get())).findFirst()
                .or(() -> versions.stream().filter(v -> v.dataset().equals(input.name())).findFirst())
                .orElse(versions.get(0));
        return input.linkedTo(chosen.commitId());
    }

    private Optional<String> sourceCommit(String source) {
        if (source == null || !source.trim().startsWith("{")) {
            return Optional.empty();
        }
        try {
            Map<String, Object> fields = json.readValue(source, Argument.mapOf(String.class, Object.class));
            return fields.get("commit") instanceof String s ? Optional.of(s.toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
