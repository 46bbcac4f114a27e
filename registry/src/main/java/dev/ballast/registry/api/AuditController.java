package dev.ballast.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.core.error.BallastException;
import dev.ballast.registry.app.AuditLog;
import dev.ballast.registry.domain.audit.AuditEntry;
import dev.ballast.registry.domain.audit.AuditQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;

/** The append-only audit log of the registry, newest first, with filters and a stable cursor. */
@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit")
public class AuditController {
    private final AuditLog audit;
    private final ObjectMapper json;

    public AuditController(AuditLog audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryView(long id, @JsonProperty("occurred_at") long occurredAt, String actor, String action,
                     @JsonProperty("entity_type") String entityType, @JsonProperty("entity_id") String entityId,
                     @Nullable String model, @Nullable Object before, @Nullable Object after,
                     @Nullable @JsonProperty("request_id") String requestId) {
    }

    @Serdeable
    record AuditPage(@JsonInclude(JsonInclude.Include.ALWAYS) List<EntryView> entries,
                     @Nullable @JsonProperty("next_before_id") Long nextBeforeId) {
    }

    @Get
    @Operation(summary = "Audit entries, newest first; filter by model, entity, actor, action and time; page with before_id")
    public AuditPage find(@Nullable @QueryValue String model, @Nullable @QueryValue("entity_type") String entityType,
                          @Nullable @QueryValue("entity_id") String entityId, @Nullable @QueryValue String actor,
                          @Nullable @QueryValue String action, @Nullable @QueryValue Long since, @Nullable @QueryValue Long until,
                          @Nullable @QueryValue("before_id") Long beforeId, @Nullable @QueryValue("max_results") Integer maxResults) {
        int limit = maxResults == null ? 100 : maxResults;
        if (limit < 1 || limit > 1000) {
            throw BallastException.invalid("Invalid max_results " + limit + ": it must be between 1 and 1000.");
        }
        List<AuditEntry> page = audit.find(new AuditQuery(model, entityType, entityId, actor, action, since, until, beforeId, limit));
        Long next = page.size() == limit ? page.get(page.size() - 1).id() : null;
        return new AuditPage(page.stream().map(this::view).toList(), next);
    }

    private EntryView view(AuditEntry e) {
        return new EntryView(e.id(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(), e.modelName(), parse(e.before()),
                parse(e.after()), e.requestId());
    }

    /** A stored state as a JSON value, so clients read before/after as objects, not strings. */
    private Object parse(String state) {
        if (state == null) {
            return null;
        }
        try {
            return json.readValue(state, Object.class);
        } catch (IOException e) {
            return state;
        }
    }
}
