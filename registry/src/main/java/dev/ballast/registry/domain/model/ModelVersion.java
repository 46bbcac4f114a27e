package dev.ballast.registry.domain.model;

import java.util.List;
import java.util.Map;

/**
 * One version of a registered model, as MLflow shows it, plus what Ballast learned about it.
 *
 * @param modelName the registered model's name
 * @param aliases   the aliases pointing at this version, sorted
 * @param kind      whether Ballast checked it as a servable Tribuo model
 * @param modelSpec for a Ballast model, its spec as JSON (features, output, recipe, provenance); else null
 */
public record ModelVersion(long modelId, String modelName, int version, long creationTime, long lastUpdatedTime,
                           String userId, Stage stage, String description, String source, String runId, String runLink,
                           String status, String statusMessage, Map<String, String> tags, List<String> aliases,
                           ModelKind kind, String modelSpec) {
    public ModelVersion {
        tags = Map.copyOf(tags);
        aliases = List.copyOf(aliases);
    }

    /** {@code name v3}, for messages. */
    public String label() {
        return modelName + " v" + version;
    }
}
