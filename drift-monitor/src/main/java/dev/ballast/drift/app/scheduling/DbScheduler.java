package dev.ballast.drift.app.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ballast's persistent, cluster-safe scheduler: db-scheduler on Ballast's own database
 * ({@code scheduled_tasks}). Each execution is a row that one replica picks at a time, so with
 * several replicas a task runs once, and executions survive restarts. An execution whose replica
 * died (kill -9) is found by its missing heartbeats and run again elsewhere (or after the restart).
 *
 * <p>Settings: {@code ballast.drift.scheduler.enabled} (default true; false lets a replica take
 * no work), {@code .polling-interval} (1s), {@code .heartbeat-interval} (5s) and
 * {@code .missed-heartbeats} (6, at least 4: a dead execution is revived after about 30 s).
 *
 * <p>It starts taking work once the application has started ({@link StartupEvent}), not when the
 * bean is made: an application whose start-up fails later must not leave a scheduler polling a
 * database it has given up.
 */
@Context
public class DbScheduler implements ApplicationEventListener<StartupEvent> {
    private final Scheduler scheduler;
    private final boolean enabled;

    public DbScheduler(DataSource dataSource, DataSourceResolver resolver, List<ScheduledTaskSource> sources,
                       @Value("${ballast.drift.scheduler.enabled:true}") boolean enabled,
                       @Value("${ballast.drift.scheduler.polling-interval:1s}") Duration polling,
                       @Value("${ballast.drift.scheduler.heartbeat-interval:5s}") Duration heartbeat,
                       @Value("${ballast.drift.scheduler.missed-heartbeats:6}") int missedHeartbeats) {
        List<Task<?>> tasks = new ArrayList<>();
        List<RecurringTask<?>> recurring = new ArrayList<>();
        for (ScheduledTaskSource source : sources) {
            tasks.addAll(source.tasks());
            recurring.addAll(source.recurringTasks());
        }
        // db-scheduler manages its own connections: give it the pool, not Micronaut's transaction-bound proxy.
        this.scheduler = Scheduler.create(resolver.resolve(dataSource), tasks).startTasks(recurring).threads(2)
                .pollingInterval(polling).heartbeatInterval(heartbeat).missedHeartbeatsLimit(missedHeartbeats)
                .enableImmediateExecution().build();
        this.enabled = enabled;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (enabled) {
            scheduler.start();
        }
    }

    /** Schedules, reschedules and cancels executions (works on a replica that takes no work, too). */
    public SchedulerClient client() {
        return scheduler;
    }

    @PreDestroy
    void stop() {
        scheduler.stop();
    }
}
