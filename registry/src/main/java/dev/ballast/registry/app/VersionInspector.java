package dev.ballast.registry.app;

import dev.ballast.client.BallastModelDescriptor;
import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.registry.app.tribuo.InspectedModel;
import dev.ballast.registry.app.tribuo.TribuoModelInspector;
import dev.ballast.registry.app.tribuo.TribuoModelLoader;
import dev.ballast.registry.domain.model.ModelKind;
import dev.ballast.tracking.app.ArtifactService;
import dev.ballast.tracking.domain.ArtifactStore;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what kind of version a source makes. When the source's directory in Ballast's artifact
 * store holds {@code model.tribuo} and {@code ballast-model.json}, the model is loaded and checked
 * against its descriptor; a model that fails its checks is refused (400) rather than registered
 * as something Ballast cannot serve. Its spec (task, features, output, training recipe, Tribuo
 * provenance) is recorded with the version. Anything else is a plain MLflow version.
 */
@Singleton
public class VersionInspector {
    private final ArtifactService artifacts;
    private final TribuoModelInspector inspector;
    private final TribuoModelLoader loader;
    private final ObjectMapper json;

    public VersionInspector(ArtifactService artifacts, TribuoModelInspector inspector, TribuoModelLoader loader, ObjectMapper json) {
        this.artifacts = artifacts;
        this.inspector = inspector;
        this.loader = loader;
        this.json = json;
    }

    /** What was found: the kind, the spec JSON of a Ballast model, and a status message. */
    public record Inspection(ModelKind kind, String spec, String message) {
    }

    public Inspection inspect(ModelSources.Resolved source) {
        if (source.storePath() == null) {
            return new Inspection(ModelKind.MLFLOW, null, null);
        }
        String dir = source.storePath();
        String modelPath = dir + "/" + BallastModelDescriptor.MODEL_FILE_NAME;
        Optional<byte[]> model = read(modelPath, loader.maxModelBytes());
        Optional<byte[]> descriptor = read(dir + "/" + BallastModelDescriptor.FILE_NAME, TribuoModelInspector.MAX_DESCRIPTOR_BYTES);
        if (model.isEmpty() || descriptor.isEmpty()) {
            return new Inspection(ModelKind.MLFLOW, null, null);
        }
        InspectedModel inspected;
        try {
            inspected = inspector.inspect(model.get(), descriptor.get());
        } catch (BallastException e) {
            throw new BallastException(e.code(), "The Tribuo model at '" + source.artifactUri() + "' failed its checks, so it cannot be"
                    + " registered as a Ballast model: " + e.getMessage(), e);
        }
        return new Inspection(ModelKind.BALLAST, write(spec(inspected, modelPath)),
                "Ballast model: " + inspected.taskType().jsonName() + ", " + inspected.features().size() + " features, "
                        + simpleName(inspected.modelClass()));
    }

    private static Map<String, Object> spec(InspectedModel m, String modelPath) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("task_type", m.taskType().jsonName());
        spec.put("model_class", m.modelClass());
        spec.put("tribuo_version", m.tribuoVersion());
        spec.put("model_path", modelPath);
        spec.put("model_sha256", m.modelSha256());
        spec.put("features", m.features().stream().map(f -> Map.of("name", f.name(), "type", f.type())).toList());
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("name", m.output().name());
        output.put("type", m.output().type());
        output.put("labels", m.output().labels() == null ? List.of() : m.output().labels());
        output.put("dimensions", m.output().dimensions() == null ? List.of() : m.output().dimensions());
        spec.put("output", output);
        Map<String, Object> trainer = new LinkedHashMap<>();
        trainer.put("class", m.trainerClass());
        trainer.put("configuration", m.trainerConfiguration());
        spec.put("trainer", trainer);
        spec.put("provenance", m.provenance());
        return spec;
    }

    /** The file's bytes, or empty when there is no file; refuses files over {@code limit} before reading them. */
    private Optional<byte[]> read(String path, long limit) {
        ArtifactStore.Download download;
        try {
            download = artifacts.download(path);
        } catch (BallastException e) {
            if (e.code() == ErrorCode.RESOURCE_DOES_NOT_EXIST || e.code() == ErrorCode.INVALID_PARAMETER_VALUE) {
                return Optional.empty();
            }
            throw e;
        }
        try (InputStream in = download.content()) {
            if (download.size() > limit) {
                throw BallastException.invalid("'" + path + "' is " + download.size() + " bytes; Ballast loads models of at most "
                        + limit + " bytes (ballast.models.max-model-size).");
            }
            return Optional.of(in.readNBytes((int) download.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Map<String, Object> spec) {
        try {
            return json.writeValueAsString(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
