package dev.ballast.registry.domain.serving;

import java.util.Optional;

/** Where each model's traffic policy is kept (absent means {@link TrafficPolicy#NONE}). */
public interface TrafficPolicyStore {

    Optional<TrafficPolicy> find(long modelId);

    void save(long modelId, TrafficPolicy policy, String updatedBy, long updatedAt);
}
