package dev.ballast.drift.store.workflow;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.drift.domain.workflow.Executor;
import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.drift.domain.workflow.StepState;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.drift.domain.workflow.WorkflowState;
import dev.ballast.drift.domain.workflow.WorkflowStep;
import dev.ballast.drift.domain.workflow.WorkflowStore;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link WorkflowStore} over JDBC. */
@Singleton
public class JdbcWorkflowStore implements WorkflowStore {
    private static final String COLUMNS = "workflow_id, model_name, trigger_kind, monitor_id, check_id, reason, state, executor, policy,"
            + " base_version, run_id, new_version, promotion_id, error, next_attempt_at, created_by, created_at, updated_at, finished_at";
    private static final String STEP_COLUMNS = "workflow_id, position, name, state, attempts, started_at, finished_at, output, error";
    private static final String OPEN = "('running', 'waiting')";

    private final Jdbc jdbc;

    public JdbcWorkflowStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long insert(Workflow w, List<StepName> steps) {
        long id = jdbc.insertReturning("workflow_id", "INSERT INTO workflows (model_name, trigger_kind, monitor_id, check_id, reason, state,"
                        + " executor, policy, base_version, next_attempt_at, created_by, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                w.model(), w.trigger(), w.monitorId(), w.checkId(), w.reason(), w.state().id(), w.executor().id(), w.policyJson(),
                w.baseVersion(), w.nextAttemptAt(), w.createdBy(), w.createdAt(), w.updatedAt());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            rows.add(new Object[]{id, i, steps.get(i).id(), StepState.PENDING.id(), 0});
        }
        jdbc.batch("INSERT INTO workflow_steps (workflow_id, position, name, state, attempts) VALUES (?, ?, ?, ?, ?)", rows);
        return id;
    }

    @Override
    public Optional<Workflow> find(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM workflows WHERE workflow_id = ?", JdbcWorkflowStore::workflow, id);
    }

    @Override
    public Optional<Workflow> lock(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM workflows WHERE workflow_id = ? FOR UPDATE", JdbcWorkflowStore::workflow, id);
    }

    @Override
    public List<Workflow> list(@Nullable String model, @Nullable WorkflowState state, int limit, @Nullable Long beforeId) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM workflows WHERE workflow_id < ?");
        List<Object> params = new ArrayList<>();
        params.add(beforeId == null ? Long.MAX_VALUE : beforeId);
        if (model != null) {
            sql.append(" AND model_name = ?");
            params.add(model);
        }
        if (state != null) {
            sql.append(" AND state = ?");
            params.add(state.id());
        }
        sql.append(" ORDER BY workflow_id DESC LIMIT ?");
        params.add(limit);
        return jdbc.query(sql.toString(), JdbcWorkflowStore::workflow, params.toArray());
    }

    @Override
    public List<WorkflowStep> steps(long workflowId) {
        return jdbc.query("SELECT " + STEP_COLUMNS + " FROM workflow_steps WHERE workflow_id = ? ORDER BY position",
                JdbcWorkflowStore::step, workflowId);
    }

    @Override
    public Optional<Workflow> openFor(String model) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM workflows WHERE model_name = ? AND state IN " + OPEN
                + " ORDER BY workflow_id DESC LIMIT 1", JdbcWorkflowStore::workflow, model);
    }

    @Override
    public Optional<Workflow> lastDriftTriggered(String model) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM workflows WHERE model_name = ? AND trigger_kind = ?"
                + " ORDER BY workflow_id DESC LIMIT 1", JdbcWorkflowStore::workflow, model, Workflow.DRIFT);
    }

    @Override
    public List<Long> due(long now) {
        return jdbc.query("SELECT workflow_id FROM workflows WHERE state = 'running' AND next_attempt_at <= ? ORDER BY workflow_id",
                rs -> rs.getLong(1), now);
    }

    @Override
    public boolean startedByMonitorAfter(long monitorId, long afterCheckId) {
        return jdbc.queryLong("SELECT COUNT(*) FROM workflows WHERE monitor_id = ? AND check_id > ?", monitorId, afterCheckId) > 0;
    }

    @Override
    public long lastCalmCheckBefore(long monitorId, long checkId) {
        return jdbc.queryLong("SELECT COALESCE(MAX(check_id), 0) FROM drift_checks WHERE monitor_id = ? AND check_id < ?"
                + " AND verdict <> 'drift'", monitorId, checkId);
    }

    @Override
    public void startStep(long workflowId, int position, long now) {
        jdbc.update("UPDATE workflow_steps SET state = ?, attempts = attempts + 1, started_at = ? WHERE workflow_id = ? AND position = ?",
                StepState.RUNNING.id(), now, workflowId, position);
    }

    @Override
    public void saveStepOutput(long workflowId, int position, String output) {
        jdbc.update("UPDATE workflow_steps SET output = ? WHERE workflow_id = ? AND position = ?", output, workflowId, position);
    }

    @Override
    public void finishStep(long workflowId, int position, StepState state, @Nullable String output, @Nullable String error, long now) {
        jdbc.update("UPDATE workflow_steps SET state = ?, output = COALESCE(?, output), error = ?, finished_at = ?"
                + " WHERE workflow_id = ? AND position = ?", state.id(), output, error, now, workflowId, position);
    }

    @Override
    public void failAttempt(long workflowId, int position, String error) {
        jdbc.update("UPDATE workflow_steps SET state = ?, error = ? WHERE workflow_id = ? AND position = ?",
                StepState.PENDING.id(), error, workflowId, position);
    }

    @Override
    public void update(Workflow w) {
        jdbc.update("UPDATE workflows SET state = ?, base_version = ?, run_id = ?, new_version = ?, promotion_id = ?, error = ?,"
                        + " next_attempt_at = ?, updated_at = ?, finished_at = ? WHERE workflow_id = ?",
                w.state().id(), w.baseVersion(), w.runId(), w.newVersion(), w.promotionId(), w.error(), w.nextAttemptAt(), w.updatedAt(),
                w.finishedAt(), w.id());
    }

    @Override
    public void noteCheck(long checkId, @Nullable Long workflowId, String note) {
        jdbc.update("UPDATE drift_checks SET workflow_id = ?, retraining = ? WHERE check_id = ?", workflowId, note, checkId);
    }

    private static Workflow workflow(ResultSet rs) throws SQLException {
        return new Workflow(rs.getLong(1), rs.getString(2), rs.getString(3), Jdbc.nullableLong(rs, "monitor_id"),
                Jdbc.nullableLong(rs, "check_id"), rs.getString(6), WorkflowState.parse(rs.getString(7)), Executor.parse(rs.getString(8)),
                rs.getString(9), rs.getObject(10, Integer.class), rs.getString(11), rs.getObject(12, Integer.class),
                Jdbc.nullableLong(rs, "promotion_id"), rs.getString(14), rs.getLong(15), rs.getString(16), rs.getLong(17),
                rs.getLong(18), Jdbc.nullableLong(rs, "finished_at"));
    }

    private static WorkflowStep step(ResultSet rs) throws SQLException {
        return new WorkflowStep(rs.getLong(1), rs.getInt(2), StepName.parse(rs.getString(3)), StepState.parse(rs.getString(4)),
                rs.getInt(5), Jdbc.nullableLong(rs, "started_at"), Jdbc.nullableLong(rs, "finished_at"), rs.getString(8),
                rs.getString(9));
    }
}
