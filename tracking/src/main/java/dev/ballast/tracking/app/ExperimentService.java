package dev.ballast.tracking.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.tracking.domain.Experiment;
import dev.ballast.tracking.domain.ExperimentStore;
import dev.ballast.tracking.domain.LifecycleStage;
import dev.ballast.tracking.domain.RunStore;
import dev.ballast.tracking.domain.TrackingLimits;
import dev.ballast.tracking.domain.search.ExperimentSearchQuery;
import dev.ballast.tracking.domain.search.PageToken;
import dev.ballast.tracking.domain.search.SqlQuery;
import dev.ballast.tracking.domain.search.ViewType;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** MLflow's experiment use cases: create, read, search, rename, delete and restore, tag. */
@Singleton
public class ExperimentService {
    public static final long DEFAULT_EXPERIMENT_ID = 0;

    private final ExperimentStore experiments;
    private final RunStore runs;
    private final Clock clock;

    public ExperimentService(ExperimentStore experiments, RunStore runs, Clock clock) {
        this.experiments = experiments;
        this.runs = runs;
        this.clock = clock;
    }

    @Transactional
    public long create(String name, String artifactLocation, Map<String, String> tags) {
        TrackingLimits.requireExperimentName(name);
        tags.forEach((k, v) -> {
            TrackingLimits.requireKey("key", k);
            TrackingLimits.requireTagValue(k, v);
        });
        if (artifactLocation != null && artifactLocation.isBlank()) {
            artifactLocation = null;
        }
        if (experiments.findByName(name).isPresent()) {
            throw BallastException.alreadyExists("Experiment(name=" + name + ") already exists. Error: experiment names are unique, "
                    + "including those of deleted experiments.");
        }
        return experiments.create(name, artifactLocation, tags, clock.millis());
    }

    public Experiment get(long id) {
        return experiments.findById(id).orElseThrow(() -> notFound(id));
    }

    public Experiment getByName(String name) {
        return experiments.findByName(name)
                .orElseThrow(() -> BallastException.notFound("Could not find experiment with name '" + name + "'"));
    }

    /** One page of experiments and the token of the next page, or null when this is the last. */
    public record Page(List<Experiment> experiments, String nextPageToken) {
    }

    public Page search(ViewType viewType, String filter, List<String> orderBy, int maxResults, String pageToken) {
        SearchLimits.requireMaxResults(maxResults);
        long offset = PageToken.decode(pageToken);
        SqlQuery query = ExperimentSearchQuery.build(viewType, filter, orderBy, offset, maxResults + 1);
        List<Long> ids = experiments.searchIds(query.sql(), query.params());
        String next = ids.size() > maxResults ? PageToken.encode(offset + maxResults) : null;
        return new Page(experiments.findByIds(ids.subList(0, Math.min(ids.size(), maxResults))), next);
    }

    @Transactional
    public void rename(long id, String newName) {
        TrackingLimits.requireExperimentName(newName);
        Experiment e = get(id);
        if (e.stage() != LifecycleStage.ACTIVE) {
            throw BallastException.invalid("Cannot rename a non-active experiment.");
        }
        if (!e.name().equals(newName) && experiments.findByName(newName).isPresent()) {
            throw BallastException.alreadyExists("Experiment(name=" + newName + ") already exists.");
        }
        experiments.rename(id, newName, clock.millis());
    }

    @Transactional
    public void delete(long id) {
        if (id == DEFAULT_EXPERIMENT_ID) {
            throw BallastException.invalid("Cannot delete the default experiment '0'. This is an internally reserved experiment.");
        }
        Experiment e = get(id);
        if (e.stage() == LifecycleStage.DELETED) {
            return;
        }
        long now = clock.millis();
        experiments.setStage(id, LifecycleStage.DELETED, now);
        runs.deleteAllOf(id, now);
    }

    @Transactional
    public void restore(long id) {
        Experiment e = get(id);
        if (e.stage() == LifecycleStage.ACTIVE) {
            return;
        }
        runs.restoreDeletedWith(id, e.lastUpdateTime());
        experiments.setStage(id, LifecycleStage.ACTIVE, clock.millis());
    }

    @Transactional
    public void setTag(long id, String key, String value) {
        TrackingLimits.requireKey("key", key);
        TrackingLimits.requireTagValue(key, value);
        Experiment e = get(id);
        if (e.stage() != LifecycleStage.ACTIVE) {
            throw new BallastException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "The experiment " + id + " must be in the 'active' state. Current state is " + e.stage().wire() + ".");
        }
        experiments.setTag(id, key, value, clock.millis());
    }

    static BallastException notFound(long id) {
        return BallastException.notFound("No Experiment with id=" + id + " exists");
    }
}
