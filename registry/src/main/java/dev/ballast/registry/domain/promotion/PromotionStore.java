package dev.ballast.registry.domain.promotion;

import java.util.List;
import java.util.Optional;

/** Where promotion requests are kept. Writes run in the caller's transaction, under the model's lock. */
public interface PromotionStore {

    long insert(Promotion p);

    Optional<Promotion> find(long id);

    /** Newest first, optionally only one model's and/or one status. */
    List<Promotion> list(String modelName, PromotionStatus status, int limit, long beforeId);

    /** Open (PENDING or BLOCKED) requests for a target of a model. */
    List<Promotion> openFor(long modelId, Target target);

    void decide(long id, PromotionStatus status, String decidedBy, long decidedAt, String comment, Integer previousHolder);

    void override(long id, String admin, String reason);

    void supersede(long id, long by, long at);
}
