package dev.ballast.registry.app;

import dev.ballast.core.identity.domain.Actor;
import dev.ballast.registry.app.gate.GateService;
import dev.ballast.registry.domain.model.ModelVersion;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Registers a version and judges it at once against its model's gates for the default
 * protected target, in one transaction: a version never exists without its first gate results.
 */
@Singleton
public class VersionRegistration {
    private final RegistryService registry;
    private final GateService gates;
    private final RegistrySettings settings;

    public VersionRegistration(RegistryService registry, GateService gates, RegistrySettings settings) {
        this.registry = registry;
        this.gates = gates;
        this.settings = settings;
    }

    @Transactional
    public ModelVersion register(Actor actor, RegistryService.NewVersion request) {
        ModelVersion created = registry.createVersion(actor, request);
        gates.evaluate(actor, created, settings.defaultTarget());
        return created;
    }
}
