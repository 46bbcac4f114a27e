package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;

import java.util.ArrayList;
import java.util.List;

/** Parses and checks a search's list of {@code order_by} clauses. */
public final class OrderBy {
    private OrderBy() {
    }

    /**
     * The terms of {@code clauses} (null means none), refusing more than
     * {@link FilterLimits#MAX_ORDER_BY_TERMS} and, as MLflow does, the same field twice.
     */
    public static List<OrderTerm> parse(List<String> clauses, FieldResolver fields) {
        if (clauses == null || clauses.isEmpty()) {
            return List.of();
        }
        if (clauses.size() > FilterLimits.MAX_ORDER_BY_TERMS) {
            throw BallastException.invalid("Invalid order_by: " + clauses.size() + " clauses given; at most "
                    + FilterLimits.MAX_ORDER_BY_TERMS + " are allowed.");
        }
        List<OrderTerm> terms = new ArrayList<>();
        for (String clause : clauses) {
            OrderTerm term = FilterParser.parseOrderBy(clause, fields);
            for (OrderTerm seen : terms) {
                if (seen.field().sameAs(term.field())) {
                    throw BallastException.invalid("Invalid order_by: it contains " + term.field().describe()
                            + " more than once.");
                }
            }
            terms.add(term);
        }
        return terms;
    }
}
