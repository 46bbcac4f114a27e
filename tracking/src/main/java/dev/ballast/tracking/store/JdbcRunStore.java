package dev.ballast.tracking.store;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.tracking.domain.DatasetInput;
import dev.ballast.tracking.domain.LifecycleStage;
import dev.ballast.tracking.domain.Metric;
import dev.ballast.tracking.domain.Run;
import dev.ballast.tracking.domain.RunInfo;
import dev.ballast.tracking.domain.RunStatus;
import dev.ballast.tracking.domain.RunStore;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link RunStore} on the runs, params, tags, metrics, latest_metrics and run_inputs tables.
 *
 * <p>Upserts are written as "insert if absent, then update" so they are portable between H2 and
 * PostgreSQL and safe under concurrent writers: an insert that meets a concurrent insert of the
 * same key waits for it to commit, and the update that follows sees the committed row.
 */
@Singleton
public class JdbcRunStore implements RunStore {
    private static final String INFO_COLUMNS = "run_uuid, experiment_id, run_name, user_id, status, start_time, end_time, "
            + "lifecycle_stage, artifact_uri";

    /** The newest active runs of an experiment (parameters: experiment id, count), in the order of ix_runs_experiment_start. */
    private static final String NEWEST_RUNS = "SELECT r.run_uuid FROM runs r WHERE r.experiment_id = ? AND r.lifecycle_stage = 'active' "
            + "ORDER BY r.start_time DESC, r.run_uuid LIMIT ?";

    private final Jdbc jdbc;
    private final MetricPointWriter points;

    public JdbcRunStore(Jdbc jdbc, MetricPointWriter points) {
        this.jdbc = jdbc;
        this.points = points;
    }

    @Override
    public void create(RunInfo info, Map<String, String> tags) {
        jdbc.update("INSERT INTO runs (" + INFO_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", info.runId(), info.experimentId(),
                info.runName(), info.userId(), info.status(), info.startTime(), info.endTime(), info.stage().wire(), info.artifactUri());
        List<Object[]> rows = new ArrayList<>();
        tags.forEach((k, v) -> rows.add(new Object[] {info.runId(), k, v}));
        jdbc.batch("INSERT INTO tags (run_uuid, tag_key, tag_value) VALUES (?, ?, ?)", rows);
    }

    @Override
    public Optional<RunInfo> findInfo(String runId) {
        return jdbc.queryOne("SELECT " + INFO_COLUMNS + " FROM runs WHERE run_uuid = ?", JdbcRunStore::mapInfo, runId);
    }

    @Override
    public List<Run> load(List<String> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        Map<String, RunInfo> infos = new HashMap<>();
        Map<String, List<Metric>> metrics = new HashMap<>();
        Map<String, Map<String, String>> params = new HashMap<>();
        Map<String, Map<String, String>> tags = new HashMap<>();
        Map<String, List<DatasetInput>> inputs = new HashMap<>();
        for (List<String> chunk : InClause.chunks(runIds)) {
            String in = " IN (" + InClause.marks(chunk.size()) + ")";
            Object[] ids = chunk.toArray();
            jdbc.query("SELECT " + INFO_COLUMNS + " FROM runs WHERE run_uuid" + in, JdbcRunStore::mapInfo, ids)
                    .forEach(i -> infos.put(i.runId(), i));
            jdbc.query("SELECT run_uuid, metric_key, metric_value, ts, step FROM latest_metrics WHERE run_uuid" + in
                    + " ORDER BY metric_key", rs -> {
                        metrics.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new Metric(rs.getString(2), rs.getDouble(3), rs.getLong(4), rs.getLong(5)));
                        return null;
                    }, ids);
            collectPairs("SELECT run_uuid, param_key, param_value FROM params WHERE run_uuid" + in + " ORDER BY param_key", ids, params);
            collectPairs("SELECT run_uuid, tag_key, tag_value FROM tags WHERE run_uuid" + in + " ORDER BY tag_key", ids, tags);
            loadInputs(in, ids, inputs);
        }
        List<Run> out = new ArrayList<>(runIds.size());
        for (String id : runIds) {
            RunInfo info = infos.get(id);
            if (info != null) {
                out.add(new Run(info, metrics.getOrDefault(id, List.of()), params.getOrDefault(id, Map.of()),
                        tags.getOrDefault(id, Map.of()), inputs.getOrDefault(id, List.of())));
            }
        }
        return out;
    }

    private void collectPairs(String sql, Object[] ids, Map<String, Map<String, String>> into) {
        jdbc.query(sql, rs -> {
            into.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
            return null;
        }, ids);
    }

    private void loadInputs(String in, Object[] ids, Map<String, List<DatasetInput>> into) {
        Map<Long, Map<String, String>> inputTags = new HashMap<>();
        jdbc.query("SELECT t.input_id, t.tag_key, t.tag_value FROM run_input_tags t JOIN run_inputs i ON i.id = t.input_id "
                + "WHERE i.run_uuid" + in + " ORDER BY t.tag_key", rs -> {
                    inputTags.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                    return null;
                }, ids);
        jdbc.query("SELECT id, run_uuid, dataset_name, dataset_digest, source_type, source, dataset_schema, dataset_profile, "
                + "dataset_commit FROM run_inputs WHERE run_uuid" + in + " ORDER BY id", rs -> {
                    into.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new DatasetInput(rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            inputTags.getOrDefault(rs.getLong(1), Map.of()), rs.getString(9)));
                    return null;
                }, ids);
    }

    @Override
    public List<String> searchIds(String sql, List<Object> params) {
        return jdbc.query(sql, rs -> rs.getString(1), params.toArray());
    }

    @Override
    public void update(String runId, RunStatus status, Long endTime, String runName) {
        jdbc.update("UPDATE runs SET status = COALESCE(?, status), end_time = COALESCE(?, end_time), run_name = COALESCE(?, run_name) "
                + "WHERE run_uuid = ?", status, endTime, runName, runId);
    }

    @Override
    public void setStage(String runId, LifecycleStage stage, Long deletedTime) {
        jdbc.update("UPDATE runs SET lifecycle_stage = ?, deleted_time = ? WHERE run_uuid = ?", stage.wire(), deletedTime, runId);
    }

    @Override
    public void deleteAllOf(long experimentId, long time) {
        jdbc.update("UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ? WHERE experiment_id = ? AND lifecycle_stage = 'active'",
                time, experimentId);
    }

    @Override
    public void restoreDeletedWith(long experimentId, long time) {
        jdbc.update("UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL WHERE experiment_id = ? AND deleted_time = ?",
                experimentId, time);
    }

    @Override
    public void logBatch(String runId, List<Metric> metrics, Map<String, String> params, Map<String, String> tags) {
        if (!params.isEmpty()) {
            writeParams(runId, params);
        }
        if (!tags.isEmpty()) {
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            new TreeMap<>(tags).forEach((k, v) -> {
                inserts.add(new Object[] {runId, k, v});
                updates.add(new Object[] {v, runId, k});
            });
            jdbc.batch("INSERT INTO tags (run_uuid, tag_key, tag_value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", inserts);
            jdbc.batch("UPDATE tags SET tag_value = ? WHERE run_uuid = ? AND tag_key = ?", updates);
        }
        if (!metrics.isEmpty()) {
            points.append(runId, metrics);
            updateLatest(runId, metrics);
        }
    }

    private void writeParams(String runId, Map<String, String> params) {
        List<Object[]> rows = new ArrayList<>();
        new TreeMap<>(params).forEach((k, v) -> rows.add(new Object[] {runId, k, v}));
        jdbc.batch("INSERT INTO params (run_uuid, param_key, param_value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", rows);
        List<String> keys = new ArrayList<>(params.keySet());
        for (List<String> chunk : InClause.chunks(keys)) {
            Object[] args = new Object[chunk.size() + 1];
            args[0] = runId;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i);
            }
            jdbc.query("SELECT param_key, param_value FROM params WHERE run_uuid = ? AND param_key IN (" + InClause.marks(chunk.size()) + ")",
                    rs -> {
                        String key = rs.getString(1);
                        String stored = rs.getString(2);
                        String wanted = params.get(key);
                        if (!Objects.equals(stored, wanted)) {
                            throw BallastException.invalid("Changing param values is not allowed. Param with key='" + key
                                    + "' was already logged with value='" + stored + "' for run ID='" + runId
                                    + "'. Attempted logging new value '" + wanted + "'.");
                        }
                        return null;
                    }, args);
        }
    }

    /** Keeps latest_metrics at the highest (step, timestamp, value) point per key. */
    private void updateLatest(String runId, List<Metric> metrics) {
        Map<String, Metric> latest = new TreeMap<>();
        for (Metric m : metrics) {
            latest.merge(m.key(), m, (a, b) -> b.isAfter(a) ? b : a);
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Metric m : latest.values()) {
            boolean nan = Double.isNaN(m.value());
            inserts.add(new Object[] {runId, m.key(), m.value(), m.timestamp(), m.step(), nan});
            updates.add(new Object[] {m.value(), m.timestamp(), m.step(), nan, runId, m.key(),
                    m.step(), m.step(), m.timestamp(), m.timestamp(), m.value()});
        }
        jdbc.batch("INSERT INTO latest_metrics (run_uuid, metric_key, metric_value, ts, step, is_nan) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", inserts);
        jdbc.batch("UPDATE latest_metrics SET metric_value = ?, ts = ?, step = ?, is_nan = ? WHERE run_uuid = ? AND metric_key = ? "
                + "AND (step < ? OR (step = ? AND (ts < ? OR (ts = ? AND metric_value < ?))))", updates);
    }

    @Override
    public Optional<String> findTag(String runId, String key) {
        return jdbc.queryOne("SELECT tag_value FROM tags WHERE run_uuid = ? AND tag_key = ?", rs -> rs.getString(1), runId, key);
    }

    @Override
    public boolean deleteTag(String runId, String key) {
        return jdbc.update("DELETE FROM tags WHERE run_uuid = ? AND tag_key = ?", runId, key) > 0;
    }

    @Override
    public List<Metric> history(String runId, String key, long offset, int limit) {
        String page = limit < 0 ? "" : " LIMIT " + limit + " OFFSET " + offset;
        return jdbc.query("SELECT metric_key, metric_value, ts, step FROM metrics WHERE run_uuid = ? AND metric_key = ? "
                + "ORDER BY step, ts, metric_value" + page,
                rs -> new Metric(rs.getString(1), rs.getDouble(2), rs.getLong(3), rs.getLong(4)), runId, key);
    }

    @Override
    public Optional<HistoryExtent> historyExtent(String runId, String key) {
        return jdbc.queryOne("SELECT COUNT(*), MIN(step), MAX(step), MIN(ts), MAX(ts) FROM metrics WHERE run_uuid = ? AND metric_key = ?",
                rs -> new HistoryExtent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)), runId, key)
                .filter(e -> e.points() > 0);
    }

    @Override
    public Optional<HistoryEnds> historyEnds(String runId, String key) {
        // Both ends of the history index under its (run, key) prefix: two index probes, no scan of the points.
        String ends = "SELECT step, ts FROM metrics WHERE run_uuid = ? AND metric_key = ? ORDER BY ";
        return jdbc.queryOne(ends + "step, ts LIMIT 1", rs -> rs.getLong(1), runId, key)
                .flatMap(first -> jdbc.queryOne(ends + "step DESC, ts DESC LIMIT 1",
                        rs -> new HistoryEnds(first, rs.getLong(1), rs.getLong(2)), runId, key));
    }

    @Override
    public Buckets historyBuckets(String runId, String key, boolean byTime, long origin, long width) {
        if (width < 1) {
            throw new IllegalArgumentException("bucket width must be positive: " + width);
        }
        // The bucket expression is written out with the two numbers (longs, never user text): H2 does not
        // recognise a GROUP BY expression holding parameters as the selected one.
        String bucket = "((" + (byTime ? "ts" : "step") + " - " + origin + ") / " + width + ")";
        long[] points = {0};
        List<Metric> means = new ArrayList<>();
        jdbc.query("SELECT " + bucket + " AS bucket, AVG(CASE WHEN is_nan THEN NULL ELSE metric_value END), "
                        + "MIN(CASE WHEN is_nan THEN NULL ELSE ts END), MIN(CASE WHEN is_nan THEN NULL ELSE step END), COUNT(*) "
                        + "FROM metrics WHERE run_uuid = ? AND metric_key = ? GROUP BY " + bucket + " ORDER BY bucket",
                rs -> {
                    points[0] += rs.getLong(5);
                    double mean = rs.getDouble(2);
                    if (!rs.wasNull()) {
                        means.add(new Metric(key, mean, rs.getLong(3), rs.getLong(4)));
                    }
                    return null;
                }, runId, key);
        return new Buckets(means, points[0]);
    }

    @Override
    public List<String> metricKeys(long experimentId, int newestRuns, int limit) {
        return jdbc.query("SELECT DISTINCT m.metric_key FROM latest_metrics m WHERE m.run_uuid IN (" + NEWEST_RUNS + ") "
                + "ORDER BY m.metric_key LIMIT ?", rs -> rs.getString(1), experimentId, newestRuns, limit);
    }

    @Override
    public List<String> paramKeys(long experimentId, int newestRuns, int limit) {
        return jdbc.query("SELECT DISTINCT p.param_key FROM params p WHERE p.run_uuid IN (" + NEWEST_RUNS + ") "
                + "ORDER BY p.param_key LIMIT ?", rs -> rs.getString(1), experimentId, newestRuns, limit);
    }

    @Override
    public void addInputs(String runId, Collection<DatasetInput> inputs) {
        for (DatasetInput input : inputs) {
            jdbc.update("INSERT INTO run_inputs (run_uuid, dataset_name, dataset_digest, source_type, source, dataset_schema, "
                    + "dataset_profile, context, dataset_commit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", runId,
                    input.name(), input.digest(), input.sourceType(), input.source(), input.schema(), input.profile(),
                    input.context(), input.datasetCommit());
            long id = jdbc.queryLong("SELECT id FROM run_inputs WHERE run_uuid = ? AND dataset_name = ? AND dataset_digest = ?",
                    runId, input.name(), input.digest());
            if (input.datasetCommit() != null) {
                jdbc.update("UPDATE run_inputs SET dataset_commit = ? WHERE id = ? AND dataset_commit IS NULL", input.datasetCommit(), id);
            }
            List<Object[]> tagRows = new ArrayList<>();
            input.tags().forEach((k, v) -> tagRows.add(new Object[] {id, k, v}));
            jdbc.batch("INSERT INTO run_input_tags (input_id, tag_key, tag_value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", tagRows);
        }
    }

    @Override
    public List<VersionInput> inputsOfDatasetVersion(String commitId) {
        return jdbc.query("SELECT run_uuid, context FROM run_inputs WHERE dataset_commit = ? ORDER BY id",
                rs -> new VersionInput(rs.getString(1), rs.getString(2)), commitId);
    }

    private static RunInfo mapInfo(ResultSet rs) throws SQLException {
        return new RunInfo(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), RunStatus.valueOf(rs.getString(5)),
                Jdbc.nullableLong(rs, "start_time"), Jdbc.nullableLong(rs, "end_time"),
                LifecycleStage.fromWire(rs.getString(8)), rs.getString(9));
    }
}
