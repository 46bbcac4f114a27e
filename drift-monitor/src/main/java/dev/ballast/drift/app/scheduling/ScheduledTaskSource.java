package dev.ballast.drift.app.scheduling;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import java.util.List;

/**
 * A bean that brings tasks to Ballast's one {@link DbScheduler}: db-scheduler needs every task
 * known when it is built, and one scheduler per database keeps polling and heartbeats in one place.
 */
public interface ScheduledTaskSource {
    /** Tasks whose executions are scheduled at run time (one-time or with persistent schedules). */
    List<Task<?>> tasks();

    /** Recurring tasks with a fixed schedule, created on startup if missing. */
    default List<RecurringTask<?>> recurringTasks() {
        return List.of();
    }
}
