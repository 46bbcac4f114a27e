package dev.ballast.registry.app.serving;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.registry.app.AuditLog;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.app.TargetMover;
import dev.ballast.registry.domain.model.ModelKind;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegisteredModel;
import dev.ballast.registry.domain.serving.TrafficPolicy;
import dev.ballast.registry.domain.serving.TrafficPolicyStore;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's traffic policy (canary or shadow candidate). Only REVIEWERs change it (the route
 * says so); every change is audited and switches this replica's endpoints once it commits
 * (the others at their next sync).
 */
@Singleton
public class TrafficPolicyService {
    private final RegistryService registry;
    private final TrafficPolicyStore policies;
    private final TargetMover mover;
    private final AuditLog audit;
    private final Clock clock;

    public TrafficPolicyService(RegistryService registry, TrafficPolicyStore policies, TargetMover mover, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.policies = policies;
        this.mover = mover;
        this.audit = audit;
        this.clock = clock;
    }

    public TrafficPolicy get(String model) {
        return policies.find(registry.getModel(model).id()).orElse(TrafficPolicy.NONE);
    }

    @Transactional
    public TrafficPolicy set(Actor actor, String model, TrafficPolicy policy) {
        RegisteredModel m = registry.lockModel(model);
        if (policy.candidateVersion() != null) {
            ModelVersion candidate = registry.version(m, policy.candidateVersion());
            if (candidate.kind() != ModelKind.BALLAST) {
                throw new BallastException(ErrorCode.INVALID_STATE, candidate.label() + " is a plain MLflow version; only Ballast models"
                        + " can be served as canary or shadow.");
            }
        }
        TrafficPolicy before = policies.find(m.id()).orElse(TrafficPolicy.NONE);
        policies.save(m.id(), policy, actor.username(), clock.millis());
        audit.record(actor, "serving.policy", AuditLog.MODEL, model, model, state(before), state(policy));
        mover.announce(model);
        return policy;
    }

    /** A policy as a JSON-able map (also the API's shape). */
    public static Map<String, Object> state(TrafficPolicy p) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mode", p.mode().code());
        if (p.candidateVersion() != null) {
            s.put("candidate_version", String.valueOf(p.candidateVersion()));
        }
        if (p.canaryPercent() != null) {
            s.put("percent", p.canaryPercent());
        }
        return s;
    }
}
