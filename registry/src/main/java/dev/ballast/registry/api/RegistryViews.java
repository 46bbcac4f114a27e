package dev.ballast.registry.api;

import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegisteredModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registered models and versions in MLflow's JSON shape (field names of MLflow's protobuf
 * messages; int64 timestamps; versions as strings), written by the tracking module's
 * {@code JsonText} so empty fields are omitted as MLflow omits them.
 */
final class RegistryViews {
    private RegistryViews() {
    }

    static Map<String, Object> model(RegisteredModel m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", m.name());
        out.put("creation_timestamp", m.creationTime());
        out.put("last_updated_timestamp", m.lastUpdatedTime());
        out.put("user_id", m.userId());
        out.put("description", m.description());
        out.put("latest_versions", m.latestVersions().stream().map(RegistryViews::version).toList());
        out.put("tags", tags(m.tags()));
        List<Map<String, Object>> aliases = new ArrayList<>();
        m.aliases().forEach((alias, version) -> aliases.add(Map.of("alias", alias, "version", String.valueOf(version))));
        out.put("aliases", aliases);
        return out;
    }

    static Map<String, Object> version(ModelVersion v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", v.modelName());
        out.put("version", String.valueOf(v.version()));
        out.put("creation_timestamp", v.creationTime());
        out.put("last_updated_timestamp", v.lastUpdatedTime());
        out.put("user_id", v.userId());
        out.put("current_stage", v.stage().label());
        out.put("description", v.description());
        out.put("source", v.source());
        out.put("run_id", v.runId());
        out.put("status", v.status());
        out.put("status_message", v.statusMessage());
        out.put("tags", tags(v.tags()));
        out.put("run_link", v.runLink());
        out.put("aliases", v.aliases());
        return out;
    }

    private static List<Map<String, String>> tags(Map<String, String> tags) {
        List<Map<String, String>> out = new ArrayList<>();
        tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(Map.of("key", e.getKey(), "value", e.getValue())));
        return out;
    }
}
