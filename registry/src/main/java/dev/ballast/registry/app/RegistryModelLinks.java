package dev.ballast.registry.app;

import dev.ballast.registry.domain.model.ModelStore;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegistryNames;
import dev.ballast.tracking.domain.dataset.ModelVersionLinks;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The registry's half of lineage: tracking asks which model versions a run produced, and which
 * run a model version came from; the answer is the versions' {@code run_id}. This is the only
 * link the registry adds, so dataset version -> run -> model version works both ways.
 */
@Singleton
public class RegistryModelLinks implements ModelVersionLinks {
    private final ModelStore models;

    public RegistryModelLinks(ModelStore models) {
        this.models = models;
    }

    @Override
    public List<LinkedModelVersion> producedBy(Collection<String> runIds) {
        return models.versionsOfRuns(runIds).stream().map(RegistryModelLinks::link).toList();
    }

    @Override
    public Optional<LinkedModelVersion> find(String model, String version) {
        int number;
        try {
            number = RegistryNames.parseVersion(version);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return models.findModel(model).flatMap(m -> models.findVersion(m.id(), number))
                .filter(v -> v.runId() != null)
                .map(RegistryModelLinks::link);
    }

    private static LinkedModelVersion link(ModelVersion v) {
        return new LinkedModelVersion(v.modelName(), String.valueOf(v.version()), v.runId(), v.creationTime());
    }
}
