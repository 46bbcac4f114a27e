package dev.ballast.registry.domain.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where registered models, versions, tags and aliases are kept. Every write happens inside the
 * caller's transaction; {@link #lock} serialises all writes to one model (version numbers,
 * alias and stage moves, promotions), so concurrent writers queue instead of racing.
 */
public interface ModelStore {

    /** Locks the model's row until the transaction ends and returns its id, if it exists. */
    Optional<Long> lock(String name);

    /** Locks the model's row by id until the transaction ends; false when it no longer exists. */
    boolean lock(long modelId);

    /** Inserts a model; RESOURCE_ALREADY_EXISTS when the name is taken. */
    long insertModel(String name, String description, String userId, Map<String, String> tags, long now);

    Optional<RegisteredModel> findModel(String name);

    Optional<RegisteredModel> findModel(long modelId);

    List<RegisteredModel> findModels(List<Long> ids);

    /** Renames; RESOURCE_ALREADY_EXISTS when the new name is taken. */
    void renameModel(long modelId, String newName, long now);

    void updateModelDescription(long modelId, String description, long now);

    void deleteModel(long modelId);

    void setModelTag(long modelId, String key, String value, long now);

    /** Whether a tag was deleted. */
    boolean deleteModelTag(long modelId, String key, long now);

    /** Takes the model's next version number (never reused). */
    int takeVersionNumber(long modelId);

    void insertVersion(ModelVersion v);

    Optional<ModelVersion> findVersion(long modelId, int version);

    List<ModelVersion> findVersions(List<Map.Entry<Long, Integer>> keys);

    /** All versions of a model in {@code stage}, newest first. */
    List<ModelVersion> versionsInStage(long modelId, Stage stage);

    void updateVersionDescription(long modelId, int version, String description, long now);

    void updateVersionStage(long modelId, int version, Stage stage, long now);

    void deleteVersion(long modelId, int version);

    void setVersionTag(long modelId, int version, String key, String value, long now);

    boolean deleteVersionTag(long modelId, int version, String key, long now);

    /** The version an alias points at. */
    Optional<Integer> aliasTarget(long modelId, String alias);

    /** Points {@code alias} at {@code version} (creating or moving it). */
    void setAlias(long modelId, String alias, int version, long now);

    boolean deleteAlias(long modelId, String alias, long now);

    /** Ids of the models matching a query built by {@code RegistrySearchQuery.models}. */
    List<Long> searchModelIds(String sql, List<Object> params);

    /** Keys of the versions matching a query built by {@code RegistrySearchQuery.versions}. */
    List<Map.Entry<Long, Integer>> searchVersionKeys(String sql, List<Object> params);

    /** Versions whose source run is one of {@code runIds}. */
    List<ModelVersion> versionsOfRuns(Collection<String> runIds);
}
