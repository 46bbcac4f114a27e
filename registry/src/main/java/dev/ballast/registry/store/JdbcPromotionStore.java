package dev.ballast.registry.store;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.registry.domain.promotion.Promotion;
import dev.ballast.registry.domain.promotion.PromotionStatus;
import dev.ballast.registry.domain.promotion.PromotionStore;
import dev.ballast.registry.domain.promotion.Target;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link PromotionStore} over JDBC. */
@Singleton
public class JdbcPromotionStore implements PromotionStore {
    private static final String COLUMNS = "promotion_id, model_id, model_name, version, target_kind, target, reason, status,"
            + " requested_by, requested_at, gates_passed, gate_report, expected_holder, override_by, override_reason, decided_by,"
            + " decided_at, decision_comment, previous_holder, rollback_of, superseded_by";

    private final Jdbc jdbc;

    public JdbcPromotionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long insert(Promotion p) {
        return jdbc.insertReturning("promotion_id", "INSERT INTO promotions (model_id, model_name, version, target_kind, target, reason,"
                        + " status, requested_by, requested_at, gates_passed, gate_report, expected_holder, override_by, override_reason,"
                        + " decided_by, decided_at, decision_comment, previous_holder, rollback_of)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.modelId(), p.modelName(), p.version(), p.target().kind().code(), p.target().name(), p.reason(), p.status().name(),
                p.requestedBy(), p.requestedAt(), p.gatesPassed(), p.gateReportJson(), p.expectedHolder(), p.overrideBy(),
                p.overrideReason(), p.decidedBy(), p.decidedAt(), p.decisionComment(), p.previousHolder(), p.rollbackOf());
    }

    @Override
    public Optional<Promotion> find(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM promotions WHERE promotion_id = ?", JdbcPromotionStore::map, id);
    }

    @Override
    public List<Promotion> list(String modelName, PromotionStatus status, int limit, long beforeId) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM promotions WHERE promotion_id < ?");
        List<Object> params = new ArrayList<>();
        params.add(beforeId);
        if (modelName != null) {
            sql.append(" AND model_name = ?");
            params.add(modelName);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        sql.append(" ORDER BY promotion_id DESC LIMIT ?");
        params.add(limit);
        return jdbc.query(sql.toString(), JdbcPromotionStore::map, params.toArray());
    }

    @Override
    public List<Promotion> openFor(long modelId, Target target) {
        return jdbc.query("SELECT " + COLUMNS + " FROM promotions WHERE model_id = ? AND target_kind = ? AND target = ?"
                        + " AND status IN ('PENDING', 'BLOCKED') ORDER BY promotion_id", JdbcPromotionStore::map,
                modelId, target.kind().code(), target.name());
    }

    @Override
    public void decide(long id, PromotionStatus status, String decidedBy, long decidedAt, String comment, Integer previousHolder) {
        jdbc.update("UPDATE promotions SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ?, previous_holder = ?"
                + " WHERE promotion_id = ?", status.name(), decidedBy, decidedAt, comment, previousHolder, id);
    }

    @Override
    public void override(long id, String admin, String reason) {
        jdbc.update("UPDATE promotions SET status = 'PENDING', override_by = ?, override_reason = ? WHERE promotion_id = ?",
                admin, reason, id);
    }

    @Override
    public void supersede(long id, long by, long at) {
        jdbc.update("UPDATE promotions SET status = 'SUPERSEDED', superseded_by = ?, decided_at = ? WHERE promotion_id = ?", by, at, id);
    }

    private static Promotion map(ResultSet rs) throws SQLException {
        return new Promotion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                new Target(Target.Kind.fromCode(rs.getString(5)), rs.getString(6)), rs.getString(7),
                PromotionStatus.valueOf(rs.getString(8)), rs.getString(9), rs.getLong(10), rs.getBoolean(11), rs.getString(12),
                rs.getObject(13, Integer.class), rs.getString(14), rs.getString(15), rs.getString(16), Jdbc.nullableLong(rs, "decided_at"),
                rs.getString(18), rs.getObject(19, Integer.class), Jdbc.nullableLong(rs, "rollback_of"),
                Jdbc.nullableLong(rs, "superseded_by"));
    }
}
