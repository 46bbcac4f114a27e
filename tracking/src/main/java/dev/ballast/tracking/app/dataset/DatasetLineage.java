package dev.ballast.tracking.app.dataset;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.app.RunService;
import dev.ballast.tracking.domain.DatasetInput;
import dev.ballast.tracking.domain.Run;
import dev.ballast.tracking.domain.RunInfo;
import dev.ballast.tracking.domain.RunStore;
import dev.ballast.tracking.domain.dataset.DatasetRepository;
import dev.ballast.tracking.domain.dataset.DatasetStore;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import dev.ballast.tracking.domain.dataset.ModelVersionLinks;
import dev.ballast.tracking.domain.dataset.ModelVersionLinks.LinkedModelVersion;
import dev.ballast.tracking.domain.dataset.scan.ColumnProfile;
import dev.ballast.tracking.domain.dataset.scan.ColumnType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lineage across data, runs and models: which runs a dataset version fed and which model versions
 * those runs produced, and back from a model version to its run and the exact data it saw. Runs
 * link to versions through their inputs (MLflow log-inputs with a Ballast blob digest, or
 * {@link #logVersionInput}); model versions link to runs through the registry's
 * {@link ModelVersionLinks}.
 */
@Singleton
public class DatasetLineage {
    private final DatasetService datasets;
    private final DatasetStore store;
    private final DatasetRepository repository;
    private final RunService runs;
    private final RunStore runStore;
    private final List<ModelVersionLinks> models;
    private final ObjectMapper json;

    public DatasetLineage(DatasetService datasets, DatasetStore store, DatasetRepository repository, RunService runs,
                          RunStore runStore, List<ModelVersionLinks> models, ObjectMapper json) {
        this.datasets = datasets;
        this.store = store;
        this.repository = repository;
        this.runs = runs;
        this.runStore = runStore;
        this.models = models;
        this.json = json;
    }

    /** A run that used the version, and in what role ({@code training}, {@code validation}, ...). */
    public record RunUse(RunInfo run, @Nullable String context) {
    }

    /** A run input and the Ballast version it links to (null for data Ballast does not hold). */
    public record InputUse(DatasetInput input, @Nullable DatasetVersion version) {
    }

    public record VersionLineage(DatasetVersion version, List<RunUse> runs, List<LinkedModelVersion> modelVersions) {
    }

    public record RunLineage(RunInfo run, List<InputUse> inputs, List<LinkedModelVersion> modelVersions) {
    }

    public record ModelLineage(LinkedModelVersion modelVersion, RunLineage run) {
    }

    /**
     * Records that the run used a version of a Ballast dataset, as an MLflow dataset input
     * (source type {@code git}, source JSON with repository, commit and path, MLflow column spec
     * as schema) that MLflow clients can read back.
     */
    public InputUse logVersionInput(String runId, String dataset, String versionRef, @Nullable String context,
                                        Map<String, String> tags) {
        DatasetVersion version = datasets.version(dataset, versionRef);
        Map<String, String> inputTags = new TreeMap<>(tags);
        if (context != null && !context.isBlank()) {
            inputTags.put(DatasetInput.CONTEXT_TAG, context);
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("repository", repository.location().toString());
        source.put("commit", version.commitId());
        source.put("path", version.path());
        source.put("dataset", version.dataset());
        source.put("version", version.number());
        List<Map<String, Object>> columns = new ArrayList<>();
        for (ColumnProfile column : version.profile().columns()) {
            columns.add(Map.of("name", column.name(), "type", mlflowType(column.type()), "required", column.missing() == 0));
        }
        Map<String, Object> profile = Map.of("num_rows", version.rows(), "num_elements", version.rows() * version.columns());
        DatasetInput input = new DatasetInput(version.dataset(), version.digest(), "git", write(source),
                write(Map.of("mlflow_colspec", columns)), write(profile), inputTags, version.commitId());
        runs.logInputs(runId, List.of(input));
        return new InputUse(input, version.withProfile(null));
    }

    public VersionLineage ofVersion(String dataset, String versionRef) {
        DatasetVersion version = datasets.version(dataset, versionRef);
        List<RunStore.VersionInput> uses = runStore.inputsOfDatasetVersion(version.commitId());
        Map<String, RunInfo> infos = new LinkedHashMap<>();
        for (Run run : runStore.load(uses.stream().map(RunStore.VersionInput::runId).distinct().toList())) {
            infos.put(run.info().runId(), run.info());
        }
        List<RunUse> runUses = uses.stream().filter(u -> infos.containsKey(u.runId()))
                .map(u -> new RunUse(infos.get(u.runId()), u.context())).toList();
        return new VersionLineage(version, runUses, producedBy(new ArrayList<>(infos.keySet())));
    }

    public RunLineage ofRun(String runId) {
        Run run = runs.get(runId);
        List<InputUse> inputs = run.inputs().stream()
                .map(i -> new InputUse(i, i.datasetCommit() == null ? null : store.byCommit(i.datasetCommit()).orElse(null)))
                .toList();
        return new RunLineage(run.info(), inputs, producedBy(List.of(run.info().runId())));
    }

    public ModelLineage ofModelVersion(String model, String version) {
        LinkedModelVersion found = models.stream().map(m -> m.find(model, version)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> BallastException.notFound("Model version '" + model + "' version " + version + " does not exist."));
        return new ModelLineage(found, ofRun(found.runId()));
    }

    private List<LinkedModelVersion> producedBy(List<String> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        List<LinkedModelVersion> result = new ArrayList<>();
        models.forEach(m -> result.addAll(m.producedBy(runIds)));
        return result;
    }

    private static String mlflowType(ColumnType type) {
        return switch (type) {
            case INTEGER -> "long";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case STRING, EMPTY -> "string";
        };
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
