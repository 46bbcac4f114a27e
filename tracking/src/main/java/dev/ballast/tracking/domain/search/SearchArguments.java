package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;

/** Checks of the paging arguments shared by the query builders. */
public final class SearchArguments {
    private SearchArguments() {
    }

    public static void requirePage(long offset, int limit) {
        if (offset < 0) {
            throw BallastException.invalid("Invalid page offset " + offset + ": it must be >= 0.");
        }
        if (limit < 0) {
            throw BallastException.invalid("Invalid page size " + limit + ": it must be >= 0.");
        }
    }
}
