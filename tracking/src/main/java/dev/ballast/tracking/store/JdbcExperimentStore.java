package dev.ballast.tracking.store;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.tracking.domain.Experiment;
import dev.ballast.tracking.domain.ExperimentStore;
import dev.ballast.tracking.domain.LifecycleStage;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link ExperimentStore} on the {@code experiments} and {@code experiment_tags} tables. */
@Singleton
public class JdbcExperimentStore implements ExperimentStore {
    private static final String COLUMNS = "experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time";

    private final Jdbc jdbc;

    public JdbcExperimentStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, String name, String location, LifecycleStage stage, long created, long updated) {
    }

    @Override
    public long create(String name, String artifactLocation, Map<String, String> tags, long now) {
        long id = jdbc.insertReturning("experiment_id", "INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time) "
                + "VALUES (?, ?, 'active', ?, ?)", name, artifactLocation == null ? "" : artifactLocation, now, now);
        if (artifactLocation == null) {
            jdbc.update("UPDATE experiments SET artifact_location = ? WHERE experiment_id = ?", "mlflow-artifacts:/" + id, id);
        }
        List<Object[]> rows = new ArrayList<>();
        tags.forEach((k, v) -> rows.add(new Object[] {id, k, v}));
        jdbc.batch("INSERT INTO experiment_tags (experiment_id, tag_key, tag_value) VALUES (?, ?, ?)", rows);
        return id;
    }

    @Override
    public Optional<Experiment> findById(long id) {
        return one("SELECT " + COLUMNS + " FROM experiments WHERE experiment_id = ?", id);
    }

    @Override
    public Optional<Experiment> findByName(String name) {
        return one("SELECT " + COLUMNS + " FROM experiments WHERE name = ?", name);
    }

    private Optional<Experiment> one(String sql, Object param) {
        Optional<Row> row = jdbc.queryOne(sql, JdbcExperimentStore::map, param);
        return row.map(r -> withTags(List.of(r)).get(0));
    }

    @Override
    public List<Experiment> findByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Row> byId = new HashMap<>();
        for (List<Long> chunk : InClause.chunks(ids)) {
            jdbc.query("SELECT " + COLUMNS + " FROM experiments WHERE experiment_id IN (" + InClause.marks(chunk.size()) + ")",
                    JdbcExperimentStore::map, chunk.toArray()).forEach(r -> byId.put(r.id(), r));
        }
        List<Row> ordered = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return withTags(ordered);
    }

    private List<Experiment> withTags(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, String>> tags = new HashMap<>();
        List<Long> ids = rows.stream().map(Row::id).toList();
        for (List<Long> chunk : InClause.chunks(ids)) {
            jdbc.query("SELECT experiment_id, tag_key, tag_value FROM experiment_tags WHERE experiment_id IN ("
                    + InClause.marks(chunk.size()) + ") ORDER BY tag_key", rs -> {
                        tags.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                        return null;
                    }, chunk.toArray());
        }
        return rows.stream().map(r -> new Experiment(r.id(), r.name(), r.location(), r.stage(), r.created(), r.updated(),
                Collections.unmodifiableMap(tags.getOrDefault(r.id(), Map.of())))).toList();
    }

    @Override
    public List<Long> searchIds(String sql, List<Object> params) {
        return jdbc.query(sql, rs -> rs.getLong(1), params.toArray());
    }

    @Override
    public void rename(long id, String newName, long now) {
        jdbc.update("UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?", newName, now, id);
    }

    @Override
    public void setStage(long id, LifecycleStage stage, long now) {
        jdbc.update("UPDATE experiments SET lifecycle_stage = ?, last_update_time = ? WHERE experiment_id = ?", stage.wire(), now, id);
    }

    @Override
    public void setTag(long id, String key, String value, long now) {
        jdbc.update("INSERT INTO experiment_tags (experiment_id, tag_key, tag_value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", id, key, value);
        jdbc.update("UPDATE experiment_tags SET tag_value = ? WHERE experiment_id = ? AND tag_key = ?", value, id, key);
        jdbc.update("UPDATE experiments SET last_update_time = ? WHERE experiment_id = ?", now, id);
    }

    private static Row map(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), LifecycleStage.fromWire(rs.getString(4)),
                rs.getLong(5), rs.getLong(6));
    }
}
