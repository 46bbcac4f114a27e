package dev.ballast.registry.store;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.registry.domain.audit.AuditEntry;
import dev.ballast.registry.domain.audit.AuditQuery;
import dev.ballast.registry.domain.audit.AuditStore;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** {@link AuditStore} over JDBC: INSERT and SELECT only. */
@Singleton
public class JdbcAuditStore implements AuditStore {
    private final Jdbc jdbc;

    public JdbcAuditStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long append(AuditEntry e) {
        return jdbc.insertReturning("audit_id", "INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, model_name,"
                        + " before_state, after_state, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(), e.modelName(), e.before(), e.after(),
                e.requestId());
    }

    @Override
    public List<AuditEntry> find(AuditQuery q) {
        StringBuilder sql = new StringBuilder("SELECT audit_id, occurred_at, actor, action, entity_type, entity_id, model_name,"
                + " before_state, after_state, request_id FROM audit_log WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filter(sql, params, "model_name = ?", q.modelName());
        filter(sql, params, "entity_type = ?", q.entityType());
        filter(sql, params, "entity_id = ?", q.entityId());
        filter(sql, params, "actor = ?", q.actor());
        filter(sql, params, "action = ?", q.action());
        filter(sql, params, "occurred_at >= ?", q.since());
        filter(sql, params, "occurred_at < ?", q.until());
        filter(sql, params, "audit_id < ?", q.beforeId());
        sql.append(" ORDER BY audit_id DESC LIMIT ?");
        params.add(q.limit());
        return jdbc.query(sql.toString(), rs -> new AuditEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)), params.toArray());
    }

    private static void filter(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }
}
