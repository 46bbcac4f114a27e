package dev.ballast.drift.app.workflow;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.ballast.drift.app.scheduling.DbScheduler;
import dev.ballast.drift.app.scheduling.ScheduledTaskSource;
import dev.ballast.drift.domain.workflow.WorkflowStore;
import dev.ballast.registry.app.event.AfterCommit;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Puts workflows on Ballast's persistent, cluster-safe scheduler: each open workflow is worked on
 * by one execution of the {@value #TASK} task at a time (its instance is the workflow id), on one
 * replica. An execution killed with its replica is revived by db-scheduler once its heartbeats
 * stop. A recurring sweep re-creates executions for workflows whose next attempt is due (after a
 * backoff, or when the process died between committing a workflow and scheduling it).
 */
@Singleton
public class WorkflowEngine implements ScheduledTaskSource {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngine.class);
    static final String TASK = "retraining-workflow";
    static final String SWEEP = "retraining-workflow-sweep";

    private final OneTimeTask<Void> task;
    private final RecurringTask<Void> sweep;
    private final BeanProvider<DbScheduler> scheduler;
    private final AfterCommit afterCommit;

    public WorkflowEngine(BeanProvider<WorkflowRunner> runner, BeanProvider<DbScheduler> scheduler, WorkflowStore store,
                          AfterCommit afterCommit, Clock clock,
                          @Value("${ballast.workflows.sweep-interval:5s}") Duration sweepInterval) {
        this.scheduler = scheduler;
        this.afterCommit = afterCommit;
        this.task = Tasks.oneTime(TASK).execute((instance, context) -> runner.get().run(Long.parseLong(instance.getId())));
        this.sweep = Tasks.recurring(SWEEP, FixedDelay.of(sweepInterval)).execute((instance, context) -> {
            for (long id : store.due(clock.millis())) {
                start(id);
            }
        });
    }

    @Override
    public List<Task<?>> tasks() {
        return List.of(task);
    }

    @Override
    public List<RecurringTask<?>> recurringTasks() {
        return List.of(sweep);
    }

    /** Lets the workflow run once the caller's transaction (which created or resumed it) commits. */
    public void startAfterCommit(long workflowId) {
        afterCommit.register("starting workflow #" + workflowId, () -> start(workflowId));
    }

    /** Schedules the workflow's execution now unless one exists (running or scheduled). */
    void start(long workflowId) {
        try {
            scheduler.get().client().scheduleIfNotExists(task.instance(String.valueOf(workflowId)), java.time.Instant.now());
        } catch (RuntimeException e) {
            // The sweep schedules it later.
            LOG.warn("Could not schedule workflow #{} now: {}", workflowId, e.getMessage());
        }
    }
}
