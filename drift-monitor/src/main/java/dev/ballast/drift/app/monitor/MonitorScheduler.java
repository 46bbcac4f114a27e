package dev.ballast.drift.app.monitor;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import dev.ballast.drift.domain.monitor.DriftMonitor;
import dev.ballast.drift.domain.monitor.MonitorStore;
import dev.ballast.drift.app.scheduling.DbScheduler;
import dev.ballast.drift.app.scheduling.ScheduledTaskSource;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs monitors' checks on their schedules, as a task of Ballast's {@link DbScheduler}: each
 * scheduled execution is a row that one replica picks at a time, so with several replicas a
 * check runs once per period, and schedules survive restarts.
 *
 * <p>The monitor's row is the truth, the execution follows it. Creating, changing, pausing or
 * deleting a monitor calls {@link #sync} after the row is written, which schedules, reschedules or
 * cancels the execution. An execution that is running at that moment cannot be changed, so sync
 * waits for it (up to 10 s); and every run reads the monitor again when its check ends and
 * continues with the schedule the row holds then, or removes itself when the monitor is gone or
 * paused, so a change made during a long check is never lost.
 */
@Singleton
public class MonitorScheduler implements ScheduledTaskSource {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorScheduler.class);
    static final String TASK = "drift-monitor-check";
    private static final Duration WAIT_FOR_RUNNING = Duration.ofSeconds(10);

    /** A monitor's id and schedule, as db-scheduler stores them with the execution (Java serialization). */
    public record MonitorSchedule(long monitorId, Schedule schedule) implements ScheduleAndData, Serializable {
        @Override
        public Schedule getSchedule() {
            return schedule;
        }

        @Override
        public Object getData() {
            return monitorId;
        }
    }

    private final MonitorStore store;
    private final RecurringTaskWithPersistentSchedule<MonitorSchedule> task;
    private final BeanProvider<DbScheduler> scheduler;

    public MonitorScheduler(MonitorStore store, BeanProvider<MonitorService> monitors, BeanProvider<DbScheduler> scheduler) {
        this.store = store;
        this.scheduler = scheduler;
        // Only reached when the completion handler itself fails: try again in a minute, then re-read the monitor.
        FailureHandler<MonitorSchedule> retry = new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1));
        this.task = new RecurringTaskWithPersistentSchedule<>(TASK, MonitorSchedule.class, retry) {
            @Override
            public CompletionHandler<MonitorSchedule> execute(TaskInstance<MonitorSchedule> instance, ExecutionContext context) {
                return run(instance.getData().monitorId(), monitors);
            }
        };
    }

    @Override
    public List<Task<?>> tasks() {
        return List.of(task);
    }

    private CompletionHandler<MonitorSchedule> run(long id, BeanProvider<MonitorService> monitors) {
        if (current(id).isEmpty()) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        try {
            monitors.get().check(id);
        } catch (RuntimeException e) {
            LOG.warn("Scheduled drift check of monitor {} failed: {}", id, e.getMessage());
        }
        Optional<DriftMonitor> after = current(id); // changed, paused or deleted during the check?
        if (after.isEmpty()) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        MonitorSchedule next = new MonitorSchedule(id, CronSchedules.of(after.get().schedule()));
        return (complete, operations) -> operations.reschedule(complete, next.schedule().getNextExecutionTime(complete), next);
    }

    /** The monitor when it exists and should run on a schedule. */
    private Optional<DriftMonitor> current(long id) {
        return store.find(id).filter(DriftMonitor::scheduled);
    }

    /**
     * Makes the monitor's execution match its row: none when it has no schedule or is paused;
     * otherwise one whose first run is at once for an interval and at the next matching time for a
     * cron (an existing execution is moved there and given the new schedule).
     */
    void sync(DriftMonitor monitor) {
        TaskInstanceId id = TaskInstanceId.of(TASK, String.valueOf(monitor.id()));
        retryWhileRunning(monitor.id(), () -> {
            if (!monitor.scheduled()) {
                cancel(id);
                return;
            }
            MonitorSchedule data = new MonitorSchedule(monitor.id(), CronSchedules.of(monitor.schedule()));
            Instant first = CronSchedules.first(monitor.schedule(), Instant.now());
            SchedulableInstance<MonitorSchedule> instance = SchedulableInstance.of(task.instance(String.valueOf(monitor.id()), data), first);
            if (!scheduler.get().client().scheduleIfNotExists(instance)) {
                scheduler.get().client().reschedule(id, first, data);
            }
        });
    }

    /** Cancels a deleted monitor's execution, if it has one. */
    void unschedule(long monitorId) {
        TaskInstanceId id = TaskInstanceId.of(TASK, String.valueOf(monitorId));
        retryWhileRunning(monitorId, () -> cancel(id));
    }

    /** When the monitor's next scheduled check is due, if db-scheduler holds an execution for it. */
    public Optional<Instant> nextRun(long monitorId) {
        return scheduler.get().client().getScheduledExecution(TaskInstanceId.of(TASK, String.valueOf(monitorId))).map(e -> e.getExecutionTime());
    }

    private void cancel(TaskInstanceId id) {
        try {
            scheduler.get().client().cancel(id);
        } catch (TaskInstanceNotFoundException e) {
            // nothing scheduled: already as wanted
        }
    }

    private void retryWhileRunning(long monitorId, Runnable change) {
        long deadline = System.nanoTime() + WAIT_FOR_RUNNING.toNanos();
        while (true) {
            try {
                change.run();
                return;
            } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
                // not found: the execution removed itself between our read and our write, look again;
                // executing: it cannot be changed until its check ends
                if (System.nanoTime() > deadline) {
                    LOG.info("Monitor {}'s check is still running; its execution will follow the monitor's settings when it ends",
                            monitorId);
                    return;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

}
