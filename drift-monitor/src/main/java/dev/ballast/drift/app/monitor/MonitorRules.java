package dev.ballast.drift.app.monitor;

import dev.ballast.core.error.BallastException;
import dev.ballast.drift.domain.monitor.CheckSchedule;
import dev.ballast.drift.domain.monitor.CurrentWindow;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The limits of a monitor's settings, checked the same way on create and on change; each refusal is a 400 naming the field. */
final class MonitorRules {
    static final int DEFAULT_CURRENT_ROWS = 1000;
    static final int MAX_CURRENT_ROWS = 1_000_000;
    static final int MAX_WINDOW_SECONDS = 366 * 24 * 3600;
    static final int MAX_SCHEDULE_SECONDS = 7 * 24 * 3600;
    static final int MAX_FEATURES = 10_000;
    static final int MAX_FEATURE_LENGTH = 1000;

    private MonitorRules() {
    }

    static CurrentWindow current(int rows, @Nullable Integer seconds) {
        if (rows < 1 || rows > MAX_CURRENT_ROWS) {
            throw BallastException.invalid("'current_rows' must be between 1 and " + MAX_CURRENT_ROWS + ", got " + rows + ".");
        }
        if (seconds != null && (seconds < 1 || seconds > MAX_WINDOW_SECONDS)) {
            throw BallastException.invalid("'current_window_seconds' must be between 1 and " + MAX_WINDOW_SECONDS + " (366 days), got "
                    + seconds + ".");
        }
        return new CurrentWindow(rows, seconds);
    }

    /** A feature list as sent: null stays null (all numeric features); an empty list, blanks or repeats are refused. */
    static List<String> features(@Nullable List<String> features) {
        if (features == null) {
            return null;
        }
        if (features.isEmpty()) {
            throw BallastException.invalid("'features' is empty: list the features to test, or send null (or leave it out) to test"
                    + " every numeric served input.");
        }
        if (features.size() > MAX_FEATURES) {
            throw BallastException.invalid("'features' lists " + features.size() + " names; at most " + MAX_FEATURES + ".");
        }
        Set<String> seen = new HashSet<>();
        for (String f : features) {
            if (f == null || f.isBlank()) {
                throw BallastException.invalid("'features' holds an empty name.");
            }
            if (f.length() > MAX_FEATURE_LENGTH) {
                throw BallastException.invalid("'features' holds a name longer than " + MAX_FEATURE_LENGTH + " characters.");
            }
            if (!seen.add(f)) {
                throw BallastException.invalid("'features' names '" + f + "' twice.");
            }
        }
        return List.copyOf(features);
    }

    /** At most one of the two; neither: checks run on demand only. */
    static CheckSchedule schedule(@Nullable Integer seconds, @Nullable String cron, Instant now) {
        if (seconds != null && cron != null) {
            throw BallastException.invalid("Give 'schedule_seconds' or 'schedule_cron', not both.");
        }
        if (seconds != null) {
            if (seconds < 1 || seconds > MAX_SCHEDULE_SECONDS) {
                throw BallastException.invalid("'schedule_seconds' must be between 1 and " + MAX_SCHEDULE_SECONDS + " (a week), got "
                        + seconds + ".");
            }
            return new CheckSchedule.Interval(seconds);
        }
        return cron == null ? null : CronSchedules.validate(cron, now);
    }
}
