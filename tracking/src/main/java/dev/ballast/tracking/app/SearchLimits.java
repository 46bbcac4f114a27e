package dev.ballast.tracking.app;

import dev.ballast.core.error.BallastException;

/** MLflow's bounds on page sizes. */
final class SearchLimits {
    static final int DEFAULT_MAX_RESULTS = 1000;
    static final int MAX_RESULTS = 50_000;

    private SearchLimits() {
    }

    static void requireMaxResults(int maxResults) {
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw BallastException.invalid("Invalid value " + maxResults + " for parameter 'max_results' supplied. It must be "
                    + "at most " + MAX_RESULTS + " and at least 1.");
        }
    }
}
