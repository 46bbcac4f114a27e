package dev.ballast.tracking.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port for experiments and their tags. Deletes are soft: the lifecycle stage changes. */
public interface ExperimentStore {

    /** Inserts an experiment; its artifact location defaults to {@code mlflow-artifacts:/<id>}. */
    long create(String name, String artifactLocation, Map<String, String> tags, long now);

    Optional<Experiment> findById(long id);

    Optional<Experiment> findByName(String name);

    /** The experiments with these ids, in the given order; unknown ids are skipped. */
    List<Experiment> findByIds(List<Long> ids);

    /** Runs a search query that selects experiment ids. */
    List<Long> searchIds(String sql, List<Object> params);

    void rename(long id, String newName, long now);

    void setStage(long id, LifecycleStage stage, long now);

    void setTag(long id, String key, String value, long now);
}
