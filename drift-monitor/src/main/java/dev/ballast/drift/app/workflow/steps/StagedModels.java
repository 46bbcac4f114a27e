package dev.ballast.drift.app.workflow.steps;

import dev.ballast.tracking.app.ArtifactService;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;

/**
 * Where a workflow's trained model waits between training and logging: in the artifact store
 * (shared by all replicas, unlike a replica's own data directory), under {@code workflows/<id>/},
 * so a workflow resumed on another replica finds it.
 */
@Singleton
public class StagedModels {
    private final ArtifactService artifacts;

    public StagedModels(ArtifactService artifacts) {
        this.artifacts = artifacts;
    }

    public String path(long workflowId) {
        return "workflows/" + workflowId + "/model.tribuo";
    }

    public void put(long workflowId, byte[] model) {
        artifacts.upload(path(workflowId), new ByteArrayInputStream(model));
    }

    public byte[] get(long workflowId) {
        return artifacts.readAll(path(workflowId));
    }
}
