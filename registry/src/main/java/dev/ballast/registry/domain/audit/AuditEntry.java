package dev.ballast.registry.domain.audit;

/**
 * One line of the append-only audit log: who did what to which registry entity, when, under
 * which request, with the entity's state before and after (JSON; null where there was none).
 *
 * @param entityId for example {@code churn} (model), {@code churn/3} (version), {@code 17} (promotion)
 */
public record AuditEntry(long id, long occurredAt, String actor, String action, String entityType, String entityId,
                         String modelName, String before, String after, String requestId) {
}
