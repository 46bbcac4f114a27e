package dev.ballast.registry.store;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.registry.domain.model.ModelKind;
import dev.ballast.registry.domain.model.ModelStore;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegisteredModel;
import dev.ballast.registry.domain.model.Stage;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link ModelStore} over plain JDBC. Reads assemble models and versions with their tags and
 * aliases in a fixed number of queries per call (not per row); writes that could race are made
 * safe by the service locking the model row first ({@link #lock}).
 */
@Singleton
public class JdbcModelStore implements ModelStore {
    private static final String VERSION_COLUMNS = "v.model_id, m.name, v.version, v.creation_time, v.last_updated_time, v.user_id,"
            + " v.current_stage, v.description, v.source, v.run_id, v.run_link, v.status, v.status_message, v.model_kind, v.model_spec";

    private static final int READ_CHUNK = 500;

    private final Jdbc jdbc;

    public JdbcModelStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> lock(String name) {
        return jdbc.queryOne("SELECT model_id FROM registered_models WHERE name = ? FOR UPDATE", rs -> rs.getLong(1), name);
    }

    @Override
    public boolean lock(long modelId) {
        return jdbc.queryOne("SELECT model_id FROM registered_models WHERE model_id = ? FOR UPDATE", rs -> rs.getLong(1), modelId)
                .isPresent();
    }

    @Override
    public long insertModel(String name, String description, String userId, Map<String, String> tags, long now) {
        long id = jdbc.insertReturning("model_id", "INSERT INTO registered_models (name, description, user_id, creation_time,"
                + " last_updated_time) VALUES (?, ?, ?, ?, ?)", name, description, userId, now, now);
        List<Object[]> rows = new ArrayList<>();
        tags.forEach((k, v) -> rows.add(new Object[] {id, k, v}));
        jdbc.batch("INSERT INTO registered_model_tags (model_id, tag_key, tag_value) VALUES (?, ?, ?)", rows);
        return id;
    }

    @Override
    public Optional<RegisteredModel> findModel(String name) {
        return jdbc.queryOne("SELECT model_id FROM registered_models WHERE name = ?", rs -> rs.getLong(1), name)
                .flatMap(this::findModel);
    }

    @Override
    public Optional<RegisteredModel> findModel(long modelId) {
        List<RegisteredModel> found = findModels(List.of(modelId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<RegisteredModel> findModels(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = placeholders(ids.size());
        Object[] params = ids.toArray();
        Map<Long, Map<String, String>> tags = new HashMap<>();
        jdbc.query("SELECT model_id, tag_key, tag_value FROM registered_model_tags WHERE model_id IN (" + in + ")", rs -> {
            tags.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
            return null;
        }, params);
        Map<Long, Map<String, Integer>> aliases = new HashMap<>();
        jdbc.query("SELECT model_id, alias, version FROM model_aliases WHERE model_id IN (" + in + ")", rs -> {
            aliases.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3));
            return null;
        }, params);
        Map<Long, List<ModelVersion>> latest = latestPerStage(in, params);
        Map<Long, RegisteredModel> byId = new HashMap<>();
        jdbc.query("SELECT model_id, name, description, user_id, creation_time, last_updated_time FROM registered_models"
                + " WHERE model_id IN (" + in + ")", rs -> {
            long id = rs.getLong(1);
            byId.put(id, new RegisteredModel(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                    tags.getOrDefault(id, Map.of()), aliases.getOrDefault(id, Map.of()), latest.getOrDefault(id, List.of())));
            return null;
        }, params);
        List<RegisteredModel> out = new ArrayList<>();
        for (Long id : ids) {
            RegisteredModel m = byId.get(id);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** MLflow's {@code latest_versions}: the highest version in each stage, in stage order. */
    private Map<Long, List<ModelVersion>> latestPerStage(String in, Object[] params) {
        List<Map.Entry<Long, Integer>> keys = jdbc.query("SELECT model_id, current_stage, MAX(version) FROM model_versions"
                + " WHERE model_id IN (" + in + ") GROUP BY model_id, current_stage",
                rs -> Map.entry(rs.getLong(1), rs.getInt(3)), params);
        Map<Long, List<ModelVersion>> out = new HashMap<>();
        for (ModelVersion v : findVersions(keys)) {
            out.computeIfAbsent(v.modelId(), k -> new ArrayList<>()).add(v);
        }
        out.values().forEach(l -> l.sort(Comparator.comparing(ModelVersion::stage)));
        return out;
    }

    @Override
    public void renameModel(long modelId, String newName, long now) {
        jdbc.update("UPDATE registered_models SET name = ?, last_updated_time = ? WHERE model_id = ?", newName, now, modelId);
        jdbc.update("UPDATE model_versions SET last_updated_time = ? WHERE model_id = ?", now, modelId);
    }

    @Override
    public void updateModelDescription(long modelId, String description, long now) {
        jdbc.update("UPDATE registered_models SET description = ?, last_updated_time = ? WHERE model_id = ?", description, now, modelId);
    }

    @Override
    public void deleteModel(long modelId) {
        jdbc.update("DELETE FROM registered_models WHERE model_id = ?", modelId);
    }

    @Override
    public void setModelTag(long modelId, String key, String value, long now) {
        if (jdbc.update("UPDATE registered_model_tags SET tag_value = ? WHERE model_id = ? AND tag_key = ?", value, modelId, key) == 0) {
            jdbc.update("INSERT INTO registered_model_tags (model_id, tag_key, tag_value) VALUES (?, ?, ?)", modelId, key, value);
        }
        touchModel(modelId, now);
    }

    @Override
    public boolean deleteModelTag(long modelId, String key, long now) {
        boolean deleted = jdbc.update("DELETE FROM registered_model_tags WHERE model_id = ? AND tag_key = ?", modelId, key) > 0;
        if (deleted) {
            touchModel(modelId, now);
        }
        return deleted;
    }

    @Override
    public int takeVersionNumber(long modelId) {
        int next = (int) jdbc.queryLong("SELECT next_version FROM registered_models WHERE model_id = ?", modelId);
        jdbc.update("UPDATE registered_models SET next_version = ? WHERE model_id = ?", next + 1, modelId);
        return next;
    }

    @Override
    public void insertVersion(ModelVersion v) {
        jdbc.update("INSERT INTO model_versions (model_id, version, creation_time, last_updated_time, user_id, current_stage,"
                        + " description, source, run_id, run_link, status, status_message, model_kind, model_spec)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.modelId(), v.version(), v.creationTime(), v.lastUpdatedTime(), v.userId(), v.stage().label(), v.description(),
                v.source(), v.runId(), v.runLink(), v.status(), v.statusMessage(), v.kind().code(), v.modelSpec());
        List<Object[]> rows = new ArrayList<>();
        v.tags().forEach((k, value) -> rows.add(new Object[] {v.modelId(), v.version(), k, value}));
        jdbc.batch("INSERT INTO model_version_tags (model_id, version, tag_key, tag_value) VALUES (?, ?, ?, ?)", rows);
        touchModel(v.modelId(), v.creationTime());
    }

    @Override
    public Optional<ModelVersion> findVersion(long modelId, int version) {
        List<ModelVersion> found = findVersions(List.of(Map.entry(modelId, version)));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<ModelVersion> findVersions(List<Map.Entry<Long, Integer>> keys) {
        List<ModelVersion> out = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += READ_CHUNK) {
            out.addAll(findChunk(keys.subList(from, Math.min(keys.size(), from + READ_CHUNK))));
        }
        return out;
    }

    /** Reads at most {@link #READ_CHUNK} versions, keeping each statement's bind count small. */
    private List<ModelVersion> findChunk(List<Map.Entry<Long, Integer>> keys) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<Long, Integer> k : keys) {
            where.append(where.length() == 0 ? "" : " OR ").append("(x.model_id = ? AND x.version = ?)");
            params.add(k.getKey());
            params.add(k.getValue());
        }
        String cond = where.toString();
        Map<Map.Entry<Long, Integer>, Map<String, String>> tags = new HashMap<>();
        jdbc.query("SELECT x.model_id, x.version, x.tag_key, x.tag_value FROM model_version_tags x WHERE " + cond, rs -> {
            tags.computeIfAbsent(Map.entry(rs.getLong(1), rs.getInt(2)), k -> new TreeMap<>()).put(rs.getString(3), rs.getString(4));
            return null;
        }, params.toArray());
        Map<Map.Entry<Long, Integer>, List<String>> aliases = new HashMap<>();
        jdbc.query("SELECT x.model_id, x.version, x.alias FROM model_aliases x WHERE " + cond + " ORDER BY x.alias", rs -> {
            aliases.computeIfAbsent(Map.entry(rs.getLong(1), rs.getInt(2)), k -> new ArrayList<>()).add(rs.getString(3));
            return null;
        }, params.toArray());
        Map<Map.Entry<Long, Integer>, ModelVersion> byKey = new LinkedHashMap<>();
        jdbc.query("SELECT " + VERSION_COLUMNS + " FROM model_versions v JOIN registered_models m ON m.model_id = v.model_id"
                + " WHERE " + cond.replace("x.", "v."), rs -> {
            Map.Entry<Long, Integer> key = Map.entry(rs.getLong(1), rs.getInt(3));
            byKey.put(key, version(rs, tags.getOrDefault(key, Map.of()), aliases.getOrDefault(key, List.of())));
            return null;
        }, params.toArray());
        List<ModelVersion> out = new ArrayList<>();
        for (Map.Entry<Long, Integer> k : keys) {
            ModelVersion v = byKey.get(k);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static ModelVersion version(ResultSet rs, Map<String, String> tags, List<String> aliases) throws SQLException {
        return new ModelVersion(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getString(6),
                Stage.fromLabel(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), tags, aliases, ModelKind.fromCode(rs.getString(14)), rs.getString(15));
    }

    @Override
    public List<ModelVersion> versionsInStage(long modelId, Stage stage) {
        List<Map.Entry<Long, Integer>> keys = jdbc.query("SELECT model_id, version FROM model_versions WHERE model_id = ?"
                + " AND current_stage = ? ORDER BY version DESC", rs -> Map.entry(rs.getLong(1), rs.getInt(2)), modelId, stage.label());
        return findVersions(keys);
    }

    @Override
    public void updateVersionDescription(long modelId, int version, String description, long now) {
        jdbc.update("UPDATE model_versions SET description = ?, last_updated_time = ? WHERE model_id = ? AND version = ?",
                description, now, modelId, version);
    }

    @Override
    public void updateVersionStage(long modelId, int version, Stage stage, long now) {
        jdbc.update("UPDATE model_versions SET current_stage = ?, last_updated_time = ? WHERE model_id = ? AND version = ?",
                stage.label(), now, modelId, version);
        touchModel(modelId, now);
    }

    @Override
    public void deleteVersion(long modelId, int version) {
        jdbc.update("DELETE FROM model_versions WHERE model_id = ? AND version = ?", modelId, version);
    }

    @Override
    public void setVersionTag(long modelId, int version, String key, String value, long now) {
        if (jdbc.update("UPDATE model_version_tags SET tag_value = ? WHERE model_id = ? AND version = ? AND tag_key = ?",
                value, modelId, version, key) == 0) {
            jdbc.update("INSERT INTO model_version_tags (model_id, version, tag_key, tag_value) VALUES (?, ?, ?, ?)",
                    modelId, version, key, value);
        }
    }

    @Override
    public boolean deleteVersionTag(long modelId, int version, String key, long now) {
        return jdbc.update("DELETE FROM model_version_tags WHERE model_id = ? AND version = ? AND tag_key = ?",
                modelId, version, key) > 0;
    }

    @Override
    public Optional<Integer> aliasTarget(long modelId, String alias) {
        return jdbc.queryOne("SELECT version FROM model_aliases WHERE model_id = ? AND alias = ?", rs -> rs.getInt(1), modelId, alias);
    }

    @Override
    public void setAlias(long modelId, String alias, int version, long now) {
        if (jdbc.update("UPDATE model_aliases SET version = ? WHERE model_id = ? AND alias = ?", version, modelId, alias) == 0) {
            jdbc.update("INSERT INTO model_aliases (model_id, alias, version) VALUES (?, ?, ?)", modelId, alias, version);
        }
        touchModel(modelId, now);
    }

    @Override
    public boolean deleteAlias(long modelId, String alias, long now) {
        boolean deleted = jdbc.update("DELETE FROM model_aliases WHERE model_id = ? AND alias = ?", modelId, alias) > 0;
        if (deleted) {
            touchModel(modelId, now);
        }
        return deleted;
    }

    @Override
    public List<Long> searchModelIds(String sql, List<Object> params) {
        return jdbc.query(sql, rs -> rs.getLong(1), params.toArray());
    }

    @Override
    public List<Map.Entry<Long, Integer>> searchVersionKeys(String sql, List<Object> params) {
        return jdbc.query(sql, rs -> Map.entry(rs.getLong(1), rs.getInt(2)), params.toArray());
    }

    @Override
    public List<ModelVersion> versionsOfRuns(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<Long, Integer>> keys = jdbc.query("SELECT model_id, version FROM model_versions WHERE run_id IN ("
                + placeholders(runIds.size()) + ") ORDER BY model_id, version", rs -> Map.entry(rs.getLong(1), rs.getInt(2)),
                runIds.toArray());
        return findVersions(keys);
    }

    private void touchModel(long modelId, long now) {
        jdbc.update("UPDATE registered_models SET last_updated_time = ? WHERE model_id = ? AND last_updated_time < ?", now, modelId, now);
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
