package dev.ballast.tracking.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.domain.Run;
import dev.ballast.tracking.domain.RunStore;
import dev.ballast.tracking.domain.search.PageToken;
import dev.ballast.tracking.domain.search.RunSearchQuery;
import dev.ballast.tracking.domain.search.SqlQuery;
import dev.ballast.tracking.domain.search.ViewType;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * MLflow's runs/search: filter, order and page the runs of some experiments; and the metric and
 * param keys an experiment's runs carry, which a runs table offers as columns.
 */
@Singleton
public class RunSearch {
    private final RunStore runs;

    public RunSearch(RunStore runs) {
        this.runs = runs;
    }

    /** One page of runs and the token of the next page, or null when this is the last. */
    public record Page(List<Run> runs, String nextPageToken) {
    }

    public Page search(List<Long> experimentIds, String filter, ViewType viewType, int maxResults, List<String> orderBy,
                       String pageToken) {
        if (experimentIds.isEmpty()) {
            throw BallastException.invalid("Missing value for required parameter 'experiment_ids'.");
        }
        SearchLimits.requireMaxResults(maxResults);
        long offset = PageToken.decode(pageToken);
        SqlQuery query = RunSearchQuery.build(experimentIds, viewType, filter, orderBy, offset, maxResults + 1);
        List<String> ids = runs.searchIds(query.sql(), query.params());
        String next = ids.size() > maxResults ? PageToken.encode(offset + maxResults) : null;
        return new Page(runs.load(ids.subList(0, Math.min(ids.size(), maxResults))), next);
    }

    /** The distinct metric and param keys of an experiment's newest active runs, each list sorted. */
    public record Keys(List<String> metrics, List<String> params) {
    }

    /**
     * At most {@code limit} metric keys and {@code limit} param keys logged by the newest
     * {@code newestRuns} active runs of the experiment: a bounded read however many runs it holds.
     */
    public Keys keys(long experimentId, int newestRuns, int limit) {
        if (limit < 1 || newestRuns < 1) {
            throw BallastException.invalid("Invalid key limits " + newestRuns + " runs, " + limit + " keys: both must be at least 1.");
        }
        return new Keys(runs.metricKeys(experimentId, newestRuns, limit), runs.paramKeys(experimentId, newestRuns, limit));
    }
}
