package dev.ballast.drift.app.monitor;

import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.ballast.core.error.BallastException;
import dev.ballast.drift.domain.monitor.CheckSchedule;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CronSchedulesTest {
    private static final Instant NOW = Instant.parse("2024-03-05T10:17:30.250Z");

    @Test
    void acceptsSixFieldCronsAndComputesTheirNextFiringInUtc() {
        CheckSchedule.Cron c = CronSchedules.validate(" 0 */15 * * * * ", NOW);
        assertEquals("0 */15 * * * *", c.expression());
        assertEquals(Instant.parse("2024-03-05T10:30:00Z"), CronSchedules.first(c, NOW));
        assertEquals(Instant.parse("2024-03-06T06:00:00Z"), CronSchedules.first(CronSchedules.validate("0 0 6 * * MON-FRI", NOW), NOW));
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"),
                CronSchedules.first(CronSchedules.validate("0 0 0 29 2 *", Instant.parse("2023-03-01T00:00:00Z")),
                        Instant.parse("2023-03-01T00:00:00Z")), "rare but firing");
    }

    @Test
    void anIntervalRunsAtOnceThenAfterItsDelay() {
        CheckSchedule.Interval every = new CheckSchedule.Interval(90);
        assertEquals(NOW, CronSchedules.first(every, NOW));
        assertEquals(FixedDelay.ofSeconds(90), CronSchedules.of(every));
    }

    @Test
    void refusesWhatDbSchedulerWouldNotRunNamingTheProblem() {
        assertTrue(refused("every hour").contains("Invalid 'schedule_cron' 'every hour'"));
        assertTrue(refused("0 * * * *").contains("six fields"), "five-field (Unix) crons are not db-scheduler's syntax");
        assertTrue(refused("61 * * * * *").contains("Invalid 'schedule_cron'"));
        assertTrue(refused("0 0 0 30 2 *").contains("never fires"));
        assertTrue(refused("-").contains("disables"));
        assertTrue(refused("  ").contains("empty"));
        assertTrue(refused("0 ".repeat(150)).contains("longer than"));
    }

    private static String refused(String cron) {
        return assertThrows(BallastException.class, () -> CronSchedules.validate(cron, NOW)).getMessage();
    }
}
