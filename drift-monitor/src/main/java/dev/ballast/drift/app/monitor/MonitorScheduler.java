package dev.ballast.drift.app.monitor;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import dev.ballast.drift.domain.monitor.DriftMonitor;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.Serializable;
import java.time.Duration;

/**
 * Runs monitors' checks on their schedules with db-scheduler on Ballast's own database: each
 * scheduled execution is a row that one replica picks at a time, so with several replicas a
 * check runs once per period, and schedules survive restarts. {@code ballast.drift.scheduler.enabled}
 * (default true) lets a replica take no checks; {@code .polling-interval} (default 1s).
 */
@Context
public class MonitorScheduler {
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
    private final Scheduler scheduler;

    public MonitorScheduler(DataSource dataSource, DataSourceResolver resolver, BeanProvider<MonitorService> monitors,
                            @Value("${ballast.drift.scheduler.enabled:true}") boolean enabled,
                            @Value("${ballast.drift.scheduler.polling-interval:1s}") Duration polling) {
        this.task = Tasks.recurringWithPersistentSchedule(TASK, MonitorSchedule.class)
                .execute((instance, context) -> {
                    long id = instance.getData().monitorId();
                    try {
                        monitors.get().check(id);
                    } catch (RuntimeException e) {
                        LOG.warn("Scheduled drift check of monitor {} failed: {}", id, e.getMessage());
                    }
                });
        // db-scheduler manages its own connections: give it the pool, not Micronaut's transaction-bound proxy.
        this.scheduler = Scheduler.create(resolver.resolve(dataSource), task).threads(2).pollingInterval(polling)
                .enableImmediateExecution().build();
        if (enabled) {
            scheduler.start();
        }
    }

    /** Schedules a monitor's checks (first one now); re-scheduling an existing monitor is a no-op. */
    void schedule(DriftMonitor m) {
        scheduler.scheduleIfNotExists(task.schedulableInstance(String.valueOf(m.id()),
                new MonitorSchedule(FixedDelay.ofSeconds(m.scheduleSeconds()), m.id())));
    }

    @PreDestroy
    void stop() {
        scheduler.stop();
    }
}
