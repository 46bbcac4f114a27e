package dev.ballast.registry.app;

import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegisteredModel;

import java.util.LinkedHashMap;
import java.util.Map;

/** The states the audit log records for models and versions: what a reader needs to see what changed. */
final class Snapshots {
    private Snapshots() {
    }

    static Map<String, Object> of(RegisteredModel m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", m.name());
        s.put("description", m.description());
        s.put("tags", m.tags());
        s.put("aliases", m.aliases());
        return s;
    }

    static Map<String, Object> of(ModelVersion v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", v.modelName());
        s.put("version", v.version());
        s.put("stage", v.stage().label());
        s.put("description", v.description());
        s.put("source", v.source());
        s.put("run_id", v.runId());
        s.put("tags", v.tags());
        s.put("aliases", v.aliases());
        s.put("kind", v.kind().code());
        return s;
    }
}
