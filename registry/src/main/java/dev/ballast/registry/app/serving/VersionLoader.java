package dev.ballast.registry.app.serving;

import dev.ballast.client.TaskType;
import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.registry.app.tribuo.TribuoModelLoader;
import dev.ballast.registry.app.tribuo.TribuoPredictor;
import dev.ballast.registry.domain.model.ModelKind;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.tracking.app.ArtifactService;
import dev.ballast.tracking.domain.ArtifactStore;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Loads a registered Ballast model for serving: reads {@code model.tribuo} from the artifact
 * store where the version's spec says it is, checks its SHA-256 against the one recorded at
 * registration (a file changed since then is refused), deserialises it and warms it with a few
 * predictions so the first real request does not pay for class loading and JIT.
 */
@Singleton
public class VersionLoader {
    private static final int WARM_UP_PREDICTIONS = 500;

    private final ArtifactService artifacts;
    private final TribuoModelLoader loader;
    private final TribuoPredictor predictor;
    private final ObjectMapper json;

    public VersionLoader(ArtifactService artifacts, TribuoModelLoader loader, TribuoPredictor predictor, ObjectMapper json) {
        this.artifacts = artifacts;
        this.loader = loader;
        this.predictor = predictor;
        this.json = json;
    }

    /** @throws BallastException INVALID_STATE for a plain MLflow version, TEMPORARILY_UNAVAILABLE when loading fails */
    @SuppressWarnings("unchecked")
    public LoadedVersion load(ModelVersion v) {
        if (v.kind() != ModelKind.BALLAST || v.modelSpec() == null) {
            throw new BallastException(ErrorCode.INVALID_STATE, v.label() + " is a plain MLflow version: Ballast serves only Ballast"
                    + " models (logged with BallastModels.log: model.tribuo with ballast-model.json).");
        }
        try {
            Map<String, Object> spec = json.readValue(v.modelSpec(), Map.class);
            byte[] bytes = read((String) spec.get("model_path"));
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!sha.equals(spec.get("model_sha256"))) {
                throw new IllegalStateException("model.tribuo changed since registration (SHA-256 " + sha + ", registered "
                        + spec.get("model_sha256") + ")");
            }
            List<String> features = ((List<Map<String, Object>>) spec.get("features")).stream().map(f -> (String) f.get("name")).toList();
            LoadedVersion loaded = new LoadedVersion(v.modelName(), v.modelId(), v.version(), TaskType.fromJsonName((String) spec.get("task_type")).orElseThrow(() -> new IllegalStateException("unknown task type " + spec.get("task_type"))),
                    features, loader.load(bytes), predictor);
            warm(loaded);
            return loaded;
        } catch (BallastException | IOException | IllegalStateException | NoSuchAlgorithmException | ClassCastException e) {
            throw new BallastException(ErrorCode.TEMPORARILY_UNAVAILABLE, v.label() + " failed to load: " + e.getMessage(), e);
        }
    }

    private byte[] read(String path) throws IOException {
        ArtifactStore.Download d = artifacts.download(path);
        try (InputStream in = d.content()) {
            if (d.size() > loader.maxModelBytes()) {
                throw new IOException("model.tribuo is " + d.size() + " bytes, over ballast.models.max-model-size");
            }
            return in.readNBytes((int) d.size());
        }
    }

    private static void warm(LoadedVersion v) {
        double[] zeros = new double[v.features().size()];
        for (int i = 0; i < WARM_UP_PREDICTIONS; i++) {
            v.predict(zeros);
        }
    }
}
