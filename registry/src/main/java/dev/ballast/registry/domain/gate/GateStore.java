package dev.ballast.registry.domain.gate;

import java.util.List;
import java.util.Optional;

/** Where a model's gate rules and its versions' gate evaluations are kept. */
public interface GateStore {

    /** The model's rules in order (empty when it has none). */
    List<String> rules(long modelId);

    /** Replaces the model's rules. */
    void replaceRules(long modelId, List<String> expressions);

    /** Stores an evaluation and answers its id. */
    long insertEvaluation(StoredEvaluation evaluation);

    /** The newest evaluation of a version. */
    Optional<StoredEvaluation> latestEvaluation(long modelId, int version);

    /**
     * One stored evaluation.
     *
     * @param target          e.g. {@code alias:champion} or {@code stage:Production}
     * @param championVersion the holder of the target compared against, null when none
     * @param reportJson      the {@code GateReport} as JSON
     */
    record StoredEvaluation(long id, long modelId, int version, String target, Integer championVersion, boolean passed,
                            String reportJson, long evaluatedAt, String evaluatedBy) {
    }
}
