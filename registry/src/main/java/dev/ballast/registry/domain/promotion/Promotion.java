package dev.ballast.registry.domain.promotion;

/**
 * A request to move a target to a model version, and what became of it.
 *
 * @param expectedHolder the target's holder when the request was made (what its gates compared against)
 * @param previousHolder the holder the approval displaced: what a rollback restores
 * @param rollbackOf     the promotion this one rolled back, if it is a rollback
 * @param supersededBy   the approved promotion that made this one stale
 * @param gateReportJson the gate results the request carries, as JSON
 */
public record Promotion(long id, long modelId, String modelName, int version, Target target, String reason, PromotionStatus status,
                        String requestedBy, long requestedAt, boolean gatesPassed, String gateReportJson, Integer expectedHolder,
                        String overrideBy, String overrideReason, String decidedBy, Long decidedAt, String decisionComment,
                        Integer previousHolder, Long rollbackOf, Long supersededBy) {
}
