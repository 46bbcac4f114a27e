package dev.ballast.drift.store.workflow;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.drift.domain.workflow.Executor;
import dev.ballast.drift.domain.workflow.PolicyStore;
import dev.ballast.drift.domain.workflow.RetrainingPolicy;
import jakarta.inject.Singleton;

import java.util.Optional;

/** {@link PolicyStore} over JDBC: one row per model that has a policy of its own. */
@Singleton
public class JdbcPolicyStore implements PolicyStore {
    private final Jdbc jdbc;

    public JdbcPolicyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RetrainingPolicy> find(String model) {
        return jdbc.queryOne("SELECT model_name, retrain_on_drift, dataset, target_column, target_alias, train_fraction, seed, cooldown_seconds,"
                        + " auto_promote, executor, webhook_url, secret, updated_by, updated_at FROM retraining_policies WHERE model_name = ?",
                rs -> new RetrainingPolicy(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getDouble(6), rs.getLong(7), rs.getInt(8), rs.getBoolean(9), Executor.parse(rs.getString(10)),
                        rs.getString(11), rs.getString(12), rs.getString(13), rs.getLong(14)), model);
    }

    @Override
    public void save(RetrainingPolicy p) {
        int updated = jdbc.update("UPDATE retraining_policies SET retrain_on_drift = ?, dataset = ?, target_column = ?, target_alias = ?, train_fraction = ?,"
                        + " seed = ?, cooldown_seconds = ?, auto_promote = ?, executor = ?, webhook_url = ?, secret = ?, updated_by = ?,"
                        + " updated_at = ? WHERE model_name = ?",
                p.retrainOnDrift(), p.dataset(), p.targetColumn(), p.targetAlias(), p.trainFraction(), p.seed(), p.cooldownSeconds(),
                p.autoPromote(), p.executor().id(), p.webhookUrl(), p.secret(), p.updatedBy(), p.updatedAt(), p.model());
        if (updated == 0) {
            jdbc.update("INSERT INTO retraining_policies (model_name, retrain_on_drift, dataset, target_column, target_alias, train_fraction, seed,"
                            + " cooldown_seconds, auto_promote, executor, webhook_url, secret, updated_by, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    p.model(), p.retrainOnDrift(), p.dataset(), p.targetColumn(), p.targetAlias(), p.trainFraction(), p.seed(), p.cooldownSeconds(),
                    p.autoPromote(), p.executor().id(), p.webhookUrl(), p.secret(), p.updatedBy(), p.updatedAt());
        }
    }
}
