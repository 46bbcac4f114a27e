package dev.ballast.registry.domain.audit;

/**
 * Filters of an audit log query; null fields do not filter. Entries come newest first; the
 * page continues below {@code beforeId} (the last id of the previous page), a cursor that stays
 * valid while new entries are appended.
 */
public record AuditQuery(String modelName, String entityType, String entityId, String actor, String action,
                         Long since, Long until, Long beforeId, int limit) {
}
