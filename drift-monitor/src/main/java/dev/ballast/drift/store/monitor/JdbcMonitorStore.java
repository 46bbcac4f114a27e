package dev.ballast.drift.store.monitor;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.drift.domain.Correction;
import dev.ballast.drift.domain.DriftSettings;
import dev.ballast.drift.domain.FeatureDrift;
import dev.ballast.drift.domain.monitor.CheckSchedule;
import dev.ballast.drift.domain.monitor.CurrentWindow;
import dev.ballast.drift.domain.monitor.DriftMonitor;
import dev.ballast.drift.domain.monitor.MonitorReference;
import dev.ballast.drift.domain.monitor.MonitorStore;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/** {@link MonitorStore} over JDBC ({@code drift_monitors}, {@code drift_checks}, {@code drift_check_features}). */
@Singleton
public class JdbcMonitorStore implements MonitorStore {
    private static final String COLUMNS = "monitor_id, model_name, alias, reference_dataset, reference_version, reference_window_from,"
            + " reference_window_to, reference_window_version, current_rows, current_window_seconds, features, alpha, correction,"
            + " threshold, min_samples, schedule_seconds, schedule_cron, enabled, created_by, created_at, updated_at";
    private static final String CHECK_COLUMNS = "check_id, monitor_id, checked_at, model_version, verdict, drifted_share, current_rows,"
            + " report, workflow_id, retraining";

    private final Jdbc jdbc;

    public JdbcMonitorStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long insert(DriftMonitor m) {
        DriftSettings s = m.settings();
        Reference r = Reference.of(m.reference());
        return jdbc.insertReturning("monitor_id", "INSERT INTO drift_monitors (model_name, alias, reference_dataset, reference_version,"
                        + " reference_window_from, reference_window_to, reference_window_version, current_rows, current_window_seconds,"
                        + " features, alpha, correction, threshold, min_samples, schedule_seconds, schedule_cron, enabled, created_by,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.model(), m.alias(), r.dataset, r.version, r.from, r.to, r.windowVersion, m.current().rows(), m.current().seconds(),
                FeatureListJson.write(m.features()), s.alpha(), s.correction().id(), s.threshold(), s.minSamples(), seconds(m.schedule()),
                cron(m.schedule()), m.enabled(), m.createdBy(), m.createdAt(), m.updatedAt());
    }

    @Override
    public Optional<DriftMonitor> find(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM drift_monitors WHERE monitor_id = ?", JdbcMonitorStore::monitor, id);
    }

    @Override
    public List<DriftMonitor> list(@Nullable String model) {
        return model == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM drift_monitors ORDER BY monitor_id", JdbcMonitorStore::monitor)
                : jdbc.query("SELECT " + COLUMNS + " FROM drift_monitors WHERE model_name = ? ORDER BY monitor_id", JdbcMonitorStore::monitor,
                model);
    }

    @Override
    public void update(DriftMonitor m) {
        DriftSettings s = m.settings();
        jdbc.update("UPDATE drift_monitors SET current_rows = ?, current_window_seconds = ?, features = ?, alpha = ?, correction = ?,"
                        + " threshold = ?, min_samples = ?, schedule_seconds = ?, schedule_cron = ?, enabled = ?, updated_at = ?"
                        + " WHERE monitor_id = ?",
                m.current().rows(), m.current().seconds(), FeatureListJson.write(m.features()), s.alpha(), s.correction().id(),
                s.threshold(), s.minSamples(), seconds(m.schedule()), cron(m.schedule()), m.enabled(), m.updatedAt(), m.id());
    }

    @Override
    public boolean delete(long id) {
        return jdbc.update("DELETE FROM drift_monitors WHERE monitor_id = ?", id) > 0;
    }

    @Override
    @Transactional
    public long insertCheck(StoredCheck c, List<FeatureDrift> features, @Nullable String histogramsJson) {
        long checkId = jdbc.insertReturning("check_id", "INSERT INTO drift_checks (monitor_id, checked_at, model_version, verdict,"
                        + " drifted_share, current_rows, report, histograms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                c.monitorId(), c.checkedAt(), c.modelVersion(), c.verdict(), c.driftedShare(), c.currentRows(), c.reportJson(),
                histogramsJson);
        if (!features.isEmpty()) {
            jdbc.withConnection(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO drift_check_features (check_id, monitor_id, feature,"
                        + " verdict, statistic, p_value, adjusted_p_value, psi) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (FeatureDrift f : features) {
                        ps.setLong(1, checkId);
                        ps.setLong(2, c.monitorId());
                        ps.setString(3, f.feature());
                        ps.setString(4, f.verdict().id());
                        setDouble(ps, 5, f.statistic());
                        setDouble(ps, 6, f.pValue());
                        setDouble(ps, 7, f.adjustedPValue());
                        setDouble(ps, 8, f.psi());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
        return checkId;
    }

    @Override
    public List<StoredCheck> checks(long monitorId, int limit) {
        return jdbc.query("SELECT " + CHECK_COLUMNS + " FROM drift_checks WHERE monitor_id = ? ORDER BY check_id DESC LIMIT ?",
                JdbcMonitorStore::check, monitorId, limit);
    }

    @Override
    public Optional<CheckDetail> check(long monitorId, long checkId) {
        return jdbc.queryOne("SELECT " + CHECK_COLUMNS + ", histograms FROM drift_checks WHERE monitor_id = ? AND check_id = ?",
                rs -> new CheckDetail(check(rs), rs.getString(11)), monitorId, checkId);
    }

    @Override
    public List<SeriesPoint> series(long monitorId, String feature, int limit) {
        return jdbc.query("SELECT f.check_id, c.checked_at, c.model_version, f.verdict, f.statistic, f.p_value, f.adjusted_p_value, f.psi"
                        + " FROM drift_check_features f JOIN drift_checks c ON c.check_id = f.check_id"
                        + " WHERE f.monitor_id = ? AND f.feature = ? ORDER BY f.check_id DESC LIMIT ?",
                rs -> new SeriesPoint(rs.getLong(1), rs.getLong(2), rs.getObject(3, Integer.class), rs.getString(4),
                        rs.getObject(5, Double.class), rs.getObject(6, Double.class), rs.getObject(7, Double.class),
                        rs.getObject(8, Double.class)), monitorId, feature, limit);
    }

    private static StoredCheck check(ResultSet rs) throws SQLException {
        return new StoredCheck(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, Integer.class), rs.getString(5),
                rs.getDouble(6), rs.getInt(7), rs.getString(8), Jdbc.nullableLong(rs, "workflow_id"), rs.getString(10));
    }

    private static DriftMonitor monitor(ResultSet rs) throws SQLException {
        MonitorReference reference;
        if (rs.getString("reference_dataset") != null) {
            reference = new MonitorReference.PinnedDataset(rs.getString("reference_dataset"), rs.getString("reference_version"));
        } else if (rs.getObject("reference_window_from") != null) {
            reference = new MonitorReference.FrozenWindow(rs.getInt("reference_window_version"), rs.getLong("reference_window_from"),
                    rs.getLong("reference_window_to"));
        } else {
            reference = new MonitorReference.Lineage();
        }
        CurrentWindow current = new CurrentWindow(rs.getInt("current_rows"), rs.getObject("current_window_seconds", Integer.class));
        DriftSettings settings = new DriftSettings(rs.getDouble("alpha"), Correction.parse(rs.getString("correction")),
                rs.getDouble("threshold"), rs.getInt("min_samples"), DriftSettings.DEFAULT_PSI_BINS);
        Integer seconds = rs.getObject("schedule_seconds", Integer.class);
        String cron = rs.getString("schedule_cron");
        CheckSchedule schedule = seconds != null ? new CheckSchedule.Interval(seconds) : cron != null ? new CheckSchedule.Cron(cron) : null;
        return new DriftMonitor(rs.getLong("monitor_id"), rs.getString("model_name"), rs.getString("alias"), reference, current,
                FeatureListJson.read(rs.getString("features")), settings, schedule, rs.getBoolean("enabled"), rs.getString("created_by"),
                rs.getLong("created_at"), rs.getLong("updated_at"));
    }

    private static Integer seconds(@Nullable CheckSchedule s) {
        return s instanceof CheckSchedule.Interval i ? i.seconds() : null;
    }

    private static String cron(@Nullable CheckSchedule s) {
        return s instanceof CheckSchedule.Cron c ? c.expression() : null;
    }

    private static void setDouble(PreparedStatement ps, int index, @Nullable Double v) throws SQLException {
        if (v == null || !Double.isFinite(v)) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, v);
        }
    }

    /** The reference's columns: dataset and version, or the window, or nothing for the lineage. */
    private record Reference(String dataset, String version, Long from, Long to, Integer windowVersion) {
        static Reference of(MonitorReference r) {
            if (r instanceof MonitorReference.PinnedDataset d) {
                return new Reference(d.dataset(), d.version(), null, null, null);
            }
            if (r instanceof MonitorReference.FrozenWindow w) {
                return new Reference(null, null, w.from(), w.to(), w.version());
            }
            return new Reference(null, null, null, null, null);
        }
    }
}
