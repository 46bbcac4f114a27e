package dev.ballast.registry.store.serving;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.registry.domain.serving.TrafficPolicy;
import dev.ballast.registry.domain.serving.TrafficPolicyStore;
import jakarta.inject.Singleton;

import java.util.Optional;

/** {@link TrafficPolicyStore} over JDBC; writes run under the model's lock, so update-then-insert cannot race. */
@Singleton
public class JdbcTrafficPolicyStore implements TrafficPolicyStore {
    private final Jdbc jdbc;

    public JdbcTrafficPolicyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TrafficPolicy> find(long modelId) {
        return jdbc.queryOne("SELECT mode, candidate_version, canary_percent FROM traffic_policies WHERE model_id = ?",
                rs -> new TrafficPolicy(TrafficPolicy.Mode.parse(rs.getString(1)), rs.getObject(2, Integer.class),
                        rs.getObject(3, Double.class)), modelId);
    }

    @Override
    public void save(long modelId, TrafficPolicy p, String updatedBy, long updatedAt) {
        Object[] values = {p.mode().code(), p.candidateVersion(), p.canaryPercent(), updatedBy, updatedAt, modelId};
        if (jdbc.update("UPDATE traffic_policies SET mode = ?, candidate_version = ?, canary_percent = ?, updated_by = ?, updated_at = ?"
                + " WHERE model_id = ?", values) == 0) {
            jdbc.update("INSERT INTO traffic_policies (mode, candidate_version, canary_percent, updated_by, updated_at, model_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", values);
        }
    }
}
