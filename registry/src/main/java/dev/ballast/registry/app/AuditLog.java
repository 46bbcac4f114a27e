package dev.ballast.registry.app;

import dev.ballast.core.identity.domain.Actor;
import dev.ballast.registry.domain.audit.AuditEntry;
import dev.ballast.registry.domain.audit.AuditQuery;
import dev.ballast.registry.domain.audit.AuditStore;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Writes every registry mutation to the audit log, in the mutation's own transaction: the
 * entry exists exactly when the change committed. Snapshots are JSON; the request id comes from
 * the logging context the HTTP layer fills, so an entry can be matched to access logs.
 */
@Singleton
public class AuditLog {
    /** Entity types of {@link AuditEntry#entityType()}. */
    public static final String MODEL = "registered_model";
    public static final String VERSION = "model_version";
    public static final String PROMOTION = "promotion";
    public static final String GATES = "gates";
    public static final String CARD = "model_card";

    private final AuditStore store;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditLog(AuditStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Appends one entry.
     *
     * @param before the entity's state before (a JSON-able map or record view), null when it did not exist
     * @param after  its state after, null when it no longer exists
     */
    public void record(Actor actor, String action, String entityType, String entityId, String modelName, Object before, Object after) {
        store.append(new AuditEntry(0, clock.millis(), actor.username(), action, entityType, entityId, modelName,
                toJson(before), toJson(after), MDC.get("request_id")));
    }

    public List<AuditEntry> find(AuditQuery query) {
        return store.find(query);
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
