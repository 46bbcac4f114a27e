package dev.ballast.drift.domain.monitor;

/** When a monitor's checks run by themselves: a fixed interval, or a cron expression. */
public sealed interface CheckSchedule permits CheckSchedule.Interval, CheckSchedule.Cron {

    /** Seconds between the end of one check and the start of the next; the first check runs when scheduled. */
    record Interval(int seconds) implements CheckSchedule {
        public Interval {
            if (seconds < 1) {
                throw new IllegalArgumentException("seconds must be positive: " + seconds);
            }
        }
    }

    /**
     * db-scheduler's (Spring's) six-field cron, {@code second minute hour day-of-month month day-of-week}, evaluated in
     * UTC so that every replica computes the same times.
     */
    record Cron(String expression) implements CheckSchedule {
    }
}
