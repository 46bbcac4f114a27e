package dev.ballast.registry.domain.promotion;

/**
 * Where a promotion request stands. PENDING waits for a reviewer; BLOCKED failed its gates and
 * waits for an ADMIN override; APPROVED moved the target; REJECTED was turned down; SUPERSEDED
 * was overtaken by another approved promotion of the same target (its gate results compared
 * against a holder that is no longer there).
 */
public enum PromotionStatus {
    PENDING, BLOCKED, APPROVED, REJECTED, SUPERSEDED;

    public boolean isOpen() {
        return this == PENDING || this == BLOCKED;
    }
}
