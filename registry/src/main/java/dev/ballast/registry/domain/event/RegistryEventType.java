package dev.ballast.registry.domain.event;

import java.util.List;

/**
 * The names of the events the registry publishes. They are the {@code type} of the envelope,
 * the {@code X-Ballast-Event} header and what a webhook's {@code events} filter lists, so they
 * are part of the public contract: add names, never rename them.
 */
public final class RegistryEventType {
    public static final String MODEL_VERSION_CREATED = "model_version.created";
    public static final String PROMOTION_REQUESTED = "promotion.requested";
    public static final String PROMOTION_APPROVED = "promotion.approved";
    public static final String PROMOTION_REJECTED = "promotion.rejected";
    public static final String ALIAS_MOVED = "alias.moved";
    public static final String STAGE_TRANSITIONED = "stage.transitioned";
    public static final String GATE_EVALUATED = "gate.evaluated";
    public static final String MODEL_CARD_UPDATED = "model_card.updated";
    /** Retraining workflows (drift-monitor module) announce themselves through the registry's webhooks. */
    public static final String WORKFLOW_STARTED = "workflow.started";
    public static final String WORKFLOW_STEP_COMPLETED = "workflow.step_completed";
    public static final String WORKFLOW_WAITING = "workflow.waiting";
    public static final String WORKFLOW_SUCCEEDED = "workflow.succeeded";
    public static final String WORKFLOW_FAILED = "workflow.failed";

    /** Every type above, in a stable order. */
    public static final List<String> ALL = List.of(MODEL_VERSION_CREATED, PROMOTION_REQUESTED, PROMOTION_APPROVED,
            PROMOTION_REJECTED, ALIAS_MOVED, STAGE_TRANSITIONED, GATE_EVALUATED, MODEL_CARD_UPDATED, WORKFLOW_STARTED,
            WORKFLOW_STEP_COMPLETED, WORKFLOW_WAITING, WORKFLOW_SUCCEEDED, WORKFLOW_FAILED);

    /** A webhook filter entry that matches every type. */
    public static final String ANY = "*";

    /** Longest type name the outbox stores. */
    public static final int MAX_LENGTH = 100;

    private RegistryEventType() {
    }

    public static boolean isKnown(String type) {
        return ALL.contains(type);
    }
}
