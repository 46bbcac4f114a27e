package dev.ballast.drift.store.monitor;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.drift.domain.monitor.LatestChecks;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link LatestChecks} over {@code drift_checks}: the highest check id per monitor (an index range
 * of {@code ix_drift_checks_monitor} each) and the number of feature rows of that check.
 */
@Singleton
public class JdbcLatestChecks implements LatestChecks {
    private final Jdbc jdbc;

    public JdbcLatestChecks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Latest> of(Collection<Long> monitorIds) {
        if (monitorIds.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(monitorIds.size(), "?"));
        Map<Long, Latest> latest = new HashMap<>();
        jdbc.query("SELECT c.monitor_id, c.check_id, c.checked_at, c.verdict, c.drifted_share,"
                        + " (SELECT COUNT(*) FROM drift_check_features f WHERE f.check_id = c.check_id)"
                        + " FROM drift_checks c WHERE c.check_id IN (SELECT MAX(m.check_id) FROM drift_checks m"
                        + " WHERE m.monitor_id IN (" + marks + ") GROUP BY m.monitor_id)",
                rs -> new Latest(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getDouble(5), rs.getInt(6)),
                monitorIds.toArray()).forEach(l -> latest.put(l.monitorId(), l));
        return latest;
    }
}
