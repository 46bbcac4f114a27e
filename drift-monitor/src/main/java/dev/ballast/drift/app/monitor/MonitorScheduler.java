package dev.ballast.drift.app.monitor;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import dev.ballast.drift.domain.monitor.DriftMonitor;
import io.micronaut.context.BeanProvider;
import dev.ballast.drift.app.scheduling.DbScheduler;
import dev.ballast.drift.app.scheduling.ScheduledTaskSource;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.List;

/**
 * Runs monitors' checks on their schedules, as a task of Ballast's {@link DbScheduler}: with
 * several replicas a check runs once per period, and schedules survive restarts.
 */
@Singleton
public class MonitorScheduler implements ScheduledTaskSource {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorScheduler.class);
    static final String TASK = "drift-monitor-check";

    /** A monitor's schedule and id, as db-scheduler stores them with the execution. */
    public record MonitorSchedule(FixedDelay delay, long monitorId) implements ScheduleAndData, Serializable {
        @Override
        public Schedule getSchedule() {
            return delay;
        }

        @Override
        public Object getData() {
            return monitorId;
        }
    }

    private final RecurringTaskWithPersistentSchedule<MonitorSchedule> task;
    private final BeanProvider<DbScheduler> scheduler;

    public MonitorScheduler(BeanProvider<MonitorService> monitors, BeanProvider<DbScheduler> scheduler) {
        this.scheduler = scheduler;
        this.task = Tasks.recurringWithPersistentSchedule(TASK, MonitorSchedule.class)
                .execute((instance, context) -> {
                    long id = instance.getData().monitorId();
                    try {
                        monitors.get().check(id);
                    } catch (RuntimeException e) {
                        LOG.warn("Scheduled drift check of monitor {} failed: {}", id, e.getMessage());
                    }
                });
    }

    @Override
    public List<Task<?>> tasks() {
        return List.of(task);
    }

    /** Schedules a monitor's checks (first one now); re-scheduling an existing monitor is a no-op. */
    void schedule(DriftMonitor m) {
        scheduler.get().client().scheduleIfNotExists(task.schedulableInstance(String.valueOf(m.id()),
                new MonitorSchedule(FixedDelay.ofSeconds(m.scheduleSeconds()), m.id())));
    }
}
