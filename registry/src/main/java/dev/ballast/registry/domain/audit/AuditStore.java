package dev.ballast.registry.domain.audit;

import java.util.List;

/**
 * The audit log's storage. It can append and read, nothing else: there is deliberately no
 * update or delete, so no code path can rewrite history.
 */
public interface AuditStore {

    /** Appends an entry in the caller's transaction (the id of {@code entry} is ignored); returns its id. */
    long append(AuditEntry entry);

    List<AuditEntry> find(AuditQuery query);
}
