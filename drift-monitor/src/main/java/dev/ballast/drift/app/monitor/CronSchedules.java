package dev.ballast.drift.app.monitor;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import dev.ballast.core.error.BallastException;
import dev.ballast.drift.domain.monitor.CheckSchedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Monitor schedules as db-scheduler runs them, and the check of a cron expression before it is stored: parsed by the
 * very parser db-scheduler uses (its Spring 5.3 style: six fields {@code second minute hour day-of-month month
 * day-of-week}, also macros such as {@code @hourly}), in UTC, and refused when it never fires.
 */
public final class CronSchedules {
    /** Longest cron expression accepted (the column's size). */
    public static final int MAX_LENGTH = 200;
    private static final String EXAMPLE = "use six fields 'second minute hour day-of-month month day-of-week' in UTC, e.g."
            + " '0 */15 * * * *' for every 15 minutes or '0 0 6 * * MON-FRI' for 06:00 on weekdays";

    private CronSchedules() {
    }

    /** The db-scheduler schedule of a monitor's schedule. */
    public static Schedule of(CheckSchedule schedule) {
        if (schedule instanceof CheckSchedule.Interval i) {
            return FixedDelay.ofSeconds(i.seconds());
        }
        return cron(((CheckSchedule.Cron) schedule).expression());
    }

    /** Checks a cron expression from a request; a 400 naming the problem when it is not one db-scheduler runs. */
    public static CheckSchedule.Cron validate(String expression, Instant now) {
        String e = expression.trim();
        if (e.isEmpty()) {
            throw BallastException.invalid("'schedule_cron' is empty: " + EXAMPLE + ".");
        }
        if (e.length() > MAX_LENGTH) {
            throw BallastException.invalid("'schedule_cron' is longer than " + MAX_LENGTH + " characters.");
        }
        if (e.equals("-")) {
            throw BallastException.invalid("'schedule_cron' '-' disables a db-scheduler schedule; to stop scheduled checks, send"
                    + " \"schedule_cron\": null or \"enabled\": false.");
        }
        Schedule schedule;
        try {
            schedule = cron(e);
        } catch (RuntimeException ex) {
            throw BallastException.invalid("Invalid 'schedule_cron' '" + e + "': " + ex.getMessage() + " (" + EXAMPLE + ").");
        }
        Instant next;
        try {
            next = schedule.getNextExecutionTime(ExecutionComplete.simulatedSuccess(now));
        } catch (RuntimeException ex) {
            throw BallastException.invalid("Invalid 'schedule_cron' '" + e + "': " + ex.getMessage() + " (" + EXAMPLE + ").");
        }
        if (next == null || next.isAfter(now.atZone(ZoneOffset.UTC).plusYears(10).toInstant())) {
            throw BallastException.invalid("'schedule_cron' '" + e + "' never fires (no time matches it in the next ten years).");
        }
        return new CheckSchedule.Cron(e);
    }

    /** The first run of a newly set schedule: at once for an interval, the next matching time for a cron. */
    public static Instant first(CheckSchedule schedule, Instant now) {
        return of(schedule).getInitialExecutionTime(now).truncatedTo(ChronoUnit.MILLIS);
    }

    private static CronSchedule cron(String expression) {
        return new CronSchedule(expression, ZoneOffset.UTC, CronStyle.SPRING53);
    }
}
