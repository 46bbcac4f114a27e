package dev.ballast.drift.app.workflow;

import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;

/**
 * Who retraining workflows act as: runs, versions, gate evaluations and promotion requests they
 * make are recorded under this name (never under a person, who could then not review the result).
 */
public final class RetrainingActor {
    public static final String NAME = "ballast-retraining";
    public static final Actor ACTOR = new Actor(0, NAME, Role.ENGINEER, null);

    private RetrainingActor() {
    }
}
