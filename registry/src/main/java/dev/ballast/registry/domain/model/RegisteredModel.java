package dev.ballast.registry.domain.model;

import java.util.List;
import java.util.Map;

/**
 * A registered model as MLflow shows it.
 *
 * @param aliases        alias -> version number, ordered by alias
 * @param latestVersions the newest version in each stage (MLflow's {@code latest_versions})
 */
public record RegisteredModel(long id, String name, String description, String userId, long creationTime,
                              long lastUpdatedTime, Map<String, String> tags, Map<String, Integer> aliases,
                              List<ModelVersion> latestVersions) {
    public RegisteredModel {
        tags = Map.copyOf(tags);
        aliases = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(aliases));
        latestVersions = List.copyOf(latestVersions);
    }
}
