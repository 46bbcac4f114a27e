package dev.ballast.tracking.domain.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles MLflow's experiments/search request (view type, filter, order_by, page) into one
 * parameterised SQL query that returns the ids of the matching experiments, in order, for one
 * page.
 *
 * <p>Filters may name {@code name}, {@code creation_time}, {@code last_update_time} (with or
 * without an {@code attribute.} prefix) and {@code tags.<key>}; tag comparisons are
 * {@code EXISTS} subqueries, so an experiment without the tag never matches. The default order
 * is MLflow's, {@code creation_time DESC, experiment_id ASC}; {@code experiment_id ASC} ends every
 * order that does not name it, so paging is stable.
 */
public final class ExperimentSearchQuery {
    private ExperimentSearchQuery() {
    }

    /**
     * Builds {@code SELECT e.experiment_id FROM experiments e WHERE <lifecycle> AND <filter>
     * ORDER BY ... LIMIT ? OFFSET ?}.
     *
     * @param viewType which lifecycle stages match; null means {@link ViewType#ACTIVE_ONLY}
     * @param filter   an MLflow experiment filter; null or blank matches every experiment
     * @param orderBy  order_by clauses; null or empty means {@code creation_time DESC}
     * @param offset   rows to skip (from {@link PageToken#decode})
     * @param limit    rows to return
     * @throws dev.ballast.core.error.BallastException (INVALID_PARAMETER_VALUE) for a malformed
     *                                                 filter or order_by
     */
    public static SqlQuery build(ViewType viewType, String filter, List<String> orderBy, long offset, int limit) {
        SearchArguments.requirePage(offset, limit);
        FilterExpr where = FilterParser.parseFilter(filter, ExperimentFields.INSTANCE);
        List<OrderTerm> terms = OrderBy.parse(orderBy, ExperimentFields.INSTANCE);

        List<String> order = new ArrayList<>();
        boolean byId = false;
        for (OrderTerm term : terms) {
            byId |= term.field().column().equals("e.experiment_id");
            order.add(term.field().column() + " " + term.direction());
        }
        if (terms.isEmpty()) {
            order.add("e.creation_time DESC");
        }
        if (!byId) {
            order.add("e.experiment_id ASC");
        }

        String lifecycle = (viewType == null ? ViewType.ACTIVE_ONLY : viewType).lifecycleCondition("e.lifecycle_stage");
        SqlBuilder q = new SqlBuilder().sql("SELECT e.experiment_id FROM experiments e");
        if (lifecycle != null || where != null) {
            q.sql(" WHERE ");
        }
        if (lifecycle != null) {
            q.sql(lifecycle);
        }
        if (where != null) {
            q.sql(lifecycle != null ? " AND " : "");
            FilterSql.write(where, ExperimentSearchQuery::comparison, q);
        }
        q.sql(" ORDER BY " + String.join(", ", order));
        q.sql(" LIMIT ").bind((long) limit).sql(" OFFSET ").bind(offset);
        return q.toQuery();
    }

    private static void comparison(FilterExpr.Comparison c, SqlBuilder out) {
        Field f = c.field();
        if (f.kind() == FieldKind.TAG) {
            out.sql("EXISTS (SELECT 1 FROM experiment_tags t WHERE t.experiment_id = e.experiment_id AND t.tag_key = ").bind(f.key())
                    .sql(" AND ");
            FilterSql.predicate("t.tag_value", c, out);
            out.sql(")");
        } else {
            FilterSql.predicate(f.column(), c, out);
        }
    }
}
