package dev.ballast.registry.app;

/**
 * Told, after the transaction commits, that a model's alias, stage or traffic policy moved, so
 * the serving endpoints of this replica switch at once instead of at their next sync.
 */
public interface TargetMoves {
    void moved(String model);
}
