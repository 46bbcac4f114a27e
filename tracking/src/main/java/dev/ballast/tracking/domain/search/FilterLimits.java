package dev.ballast.tracking.domain.search;

/** Bounds on search input, so that a single request cannot build an arbitrarily large query. */
final class FilterLimits {
    /** Longest accepted filter string, in characters. */
    static final int MAX_FILTER_LENGTH = 10_000;
    /** Most comparisons in one filter. */
    static final int MAX_COMPARISONS = 100;
    /** Deepest nesting of parentheses in one filter. */
    static final int MAX_DEPTH = 50;
    /** Most {@code order_by} terms in one search. */
    static final int MAX_ORDER_BY_TERMS = 10;
    /** Longest accepted single {@code order_by} clause, in characters. */
    static final int MAX_ORDER_BY_LENGTH = 1_000;

    private FilterLimits() {
    }
}
