package dev.ballast.drift.store.monitor;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.drift.domain.Correction;
import dev.ballast.drift.domain.DriftSettings;
import dev.ballast.drift.domain.monitor.DriftMonitor;
import dev.ballast.drift.domain.monitor.MonitorStore;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link MonitorStore} over JDBC. */
@Singleton
public class JdbcMonitorStore implements MonitorStore {
    private static final String COLUMNS = "monitor_id, model_name, alias, reference_dataset, reference_version, current_rows, alpha,"
            + " correction, threshold, min_samples, created_by, created_at, schedule_seconds";

    private final Jdbc jdbc;

    public JdbcMonitorStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long insert(DriftMonitor m) {
        DriftSettings s = m.settings();
        return jdbc.insertReturning("monitor_id", "INSERT INTO drift_monitors (model_name, alias, reference_dataset, reference_version,"
                        + " current_rows, alpha, correction, threshold, min_samples, created_by, created_at, schedule_seconds)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.model(), m.alias(), m.referenceDataset(), m.referenceVersion(), m.currentRows(), s.alpha(), s.correction().id(),
                s.threshold(), s.minSamples(), m.createdBy(), m.createdAt(), m.scheduleSeconds());
    }

    @Override
    public Optional<DriftMonitor> find(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM drift_monitors WHERE monitor_id = ?", JdbcMonitorStore::monitor, id);
    }

    @Override
    public List<DriftMonitor> list(String model) {
        return model == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM drift_monitors ORDER BY monitor_id", JdbcMonitorStore::monitor)
                : jdbc.query("SELECT " + COLUMNS + " FROM drift_monitors WHERE model_name = ? ORDER BY monitor_id", JdbcMonitorStore::monitor,
                model);
    }

    @Override
    public long insertCheck(StoredCheck c) {
        return jdbc.insertReturning("check_id", "INSERT INTO drift_checks (monitor_id, checked_at, model_version, verdict, drifted_share,"
                        + " current_rows, report) VALUES (?, ?, ?, ?, ?, ?, ?)",
                c.monitorId(), c.checkedAt(), c.modelVersion(), c.verdict(), c.driftedShare(), c.currentRows(), c.reportJson());
    }

    @Override
    public List<StoredCheck> checks(long monitorId, int limit) {
        return jdbc.query("SELECT check_id, monitor_id, checked_at, model_version, verdict, drifted_share, current_rows, report,"
                        + " workflow_id, retraining FROM drift_checks WHERE monitor_id = ? ORDER BY check_id DESC LIMIT ?",
                rs -> new StoredCheck(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, Integer.class), rs.getString(5),
                        rs.getDouble(6), rs.getInt(7), rs.getString(8), Jdbc.nullableLong(rs, "workflow_id"),
                        rs.getString(10)), monitorId, limit);
    }

    private static DriftMonitor monitor(ResultSet rs) throws SQLException {
        DriftSettings settings = new DriftSettings(rs.getDouble(7), Correction.parse(rs.getString(8)), rs.getDouble(9), rs.getInt(10),
                DriftSettings.DEFAULT_PSI_BINS);
        return new DriftMonitor(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), settings,
                rs.getObject(13, Integer.class), rs.getString(11), rs.getLong(12));
    }
}
