package dev.ballast.drift.app.workflow.steps;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.drift.app.workflow.WorkflowJson;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.domain.model.ModelVersion;
import jakarta.inject.Singleton;

import java.util.Map;

/** The version a workflow retrains (behind the target alias when it started) and its Tribuo spec. */
@Singleton
public class BaseVersion {
    private final RegistryService registry;
    private final WorkflowJson json;

    public BaseVersion(RegistryService registry, WorkflowJson json) {
        this.registry = registry;
        this.json = json;
    }

    public ModelVersion of(Workflow w) {
        return registry.getVersion(w.model(), String.valueOf(w.baseVersion()));
    }

    /** The spec Ballast recorded at registration; refused for plain MLflow versions (no recipe to retrain). */
    public Map<String, Object> spec(ModelVersion v) {
        if (v.modelSpec() == null) {
            throw new BallastException(ErrorCode.INVALID_STATE, v.label() + " is a plain MLflow version: it records no Tribuo recipe"
                    + " to retrain. Use the external executor for models Ballast does not train.");
        }
        return json.read(v.modelSpec());
    }
}
