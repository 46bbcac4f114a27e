package dev.ballast.registry.store;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.registry.domain.gate.GateStore;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link GateStore} over JDBC. */
@Singleton
public class JdbcGateStore implements GateStore {
    private final Jdbc jdbc;

    public JdbcGateStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> rules(long modelId) {
        return jdbc.query("SELECT expression FROM gate_rules WHERE model_id = ? ORDER BY position", rs -> rs.getString(1), modelId);
    }

    @Override
    public void replaceRules(long modelId, List<String> expressions) {
        jdbc.update("DELETE FROM gate_rules WHERE model_id = ?", modelId);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            rows.add(new Object[] {modelId, i, expressions.get(i)});
        }
        jdbc.batch("INSERT INTO gate_rules (model_id, position, expression) VALUES (?, ?, ?)", rows);
    }

    @Override
    public long insertEvaluation(StoredEvaluation e) {
        return jdbc.insertReturning("evaluation_id", "INSERT INTO gate_evaluations (model_id, version, target, champion_version, passed,"
                        + " report, evaluated_at, evaluated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.modelId(), e.version(), e.target(), e.championVersion(), e.passed(), e.reportJson(), e.evaluatedAt(), e.evaluatedBy());
    }

    @Override
    public Optional<StoredEvaluation> latestEvaluation(long modelId, int version) {
        return jdbc.queryOne("SELECT evaluation_id, model_id, version, target, champion_version, passed, report, evaluated_at,"
                + " evaluated_by FROM gate_evaluations WHERE model_id = ? AND version = ? ORDER BY evaluation_id DESC LIMIT 1",
                rs -> new StoredEvaluation(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        (Integer) rs.getObject(5, Integer.class), rs.getBoolean(6), rs.getString(7), rs.getLong(8), rs.getString(9)),
                modelId, version);
    }
}
