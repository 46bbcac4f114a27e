package dev.ballast.drift.domain.monitor;

import java.util.Collection;
import java.util.Map;

/**
 * The newest check of many monitors at once, for overviews that show every monitor with its
 * latest verdict: one query for the whole list instead of one per monitor.
 */
public interface LatestChecks {

    /** The newest check of each of {@code monitorIds} that has one, by monitor id. */
    Map<Long, Latest> of(Collection<Long> monitorIds);

    /**
     * A monitor's newest check in brief.
     *
     * @param features how many features the check tested
     */
    record Latest(long monitorId, long checkId, long checkedAt, String verdict, double driftedShare, int features) {
    }
}
