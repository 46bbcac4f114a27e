package dev.ballast.drift.domain.workflow;

import java.util.Optional;

/** Persistence of models' retraining policies. */
public interface PolicyStore {
    Optional<RetrainingPolicy> find(String model);

    void save(RetrainingPolicy policy);
}
