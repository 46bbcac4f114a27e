package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles MLflow's runs/search request (experiments, view type, filter, order_by, page) into one
 * parameterised SQL query that returns the ids of the matching runs, in order, for one page.
 *
 * <p>Metric, param, tag and dataset comparisons become {@code EXISTS} subqueries, so a run
 * without the key never matches, even for {@code !=}, exactly as in MLflow; metric rows holding
 * NaN never match. Ordering by a metric, param or tag LEFT JOINs it once (its key bound in the
 * ON clause); runs without it, and then NaN metrics, come last in either direction. Unless the
 * order names them, {@code start_time DESC} and then {@code run_uuid ASC} follow, so paging
 * with LIMIT/OFFSET is stable.
 */
public final class RunSearchQuery {
    private RunSearchQuery() {
    }

    /**
     * Builds {@code SELECT r.run_uuid FROM runs r ... WHERE r.experiment_id IN (...) AND <lifecycle>
     * AND <filter> ORDER BY ... LIMIT ? OFFSET ?}.
     *
     * @param experimentIds the experiments to search (at least one)
     * @param viewType      which lifecycle stages match; null means {@link ViewType#ACTIVE_ONLY}
     * @param filter        an MLflow filter; null or blank matches every run
     * @param orderBy       MLflow order_by clauses; null or empty means {@code start_time DESC}
     * @param offset        rows to skip (from {@link PageToken#decode})
     * @param limit         rows to return
     * @throws BallastException (INVALID_PARAMETER_VALUE) for a malformed filter or order_by
     */
    public static SqlQuery build(List<Long> experimentIds, ViewType viewType, String filter, List<String> orderBy, long offset,
                                 int limit) {
        if (experimentIds == null || experimentIds.isEmpty()) {
            throw BallastException.invalid("Missing value for required parameter 'experiment_ids'.");
        }
        for (Long id : experimentIds) {
            if (id == null) {
                throw BallastException.invalid("Invalid value for parameter 'experiment_ids': it contains null.");
            }
        }
        SearchArguments.requirePage(offset, limit);
        FilterExpr where = FilterParser.parseFilter(filter, RunFields.INSTANCE);
        List<OrderTerm> terms = OrderBy.parse(orderBy, RunFields.INSTANCE);

        SqlBuilder joins = new SqlBuilder();
        String order = ordering(terms, joins);

        SqlBuilder q = new SqlBuilder().sql("SELECT r.run_uuid FROM runs r").append(joins);
        q.sql(" WHERE r.experiment_id IN (").bindAll(experimentIds).sql(")");
        String lifecycle = (viewType == null ? ViewType.ACTIVE_ONLY : viewType).lifecycleCondition("r.lifecycle_stage");
        if (lifecycle != null) {
            q.sql(" AND " + lifecycle);
        }
        if (where != null) {
            q.sql(" AND ");
            FilterSql.write(where, RunSearchQuery::comparison, q);
        }
        q.sql(" ORDER BY " + order);
        q.sql(" LIMIT ").bind((long) limit).sql(" OFFSET ").bind(offset);
        return q.toQuery();
    }

    /**
     * The ORDER BY list for {@code terms}, adding to {@code joins} one LEFT JOIN (alias o1, o2, ...)
     * per metric, param or tag term, its key bound in the ON clause.
     */
    private static String ordering(List<OrderTerm> terms, SqlBuilder joins) {
        List<String> order = new ArrayList<>();
        boolean byStartTime = false;
        boolean byRunId = false;
        int alias = 0;
        for (OrderTerm term : terms) {
            Field f = term.field();
            if (f.kind() == FieldKind.ATTRIBUTE) {
                byStartTime |= f.column().equals("r.start_time");
                byRunId |= f.column().equals("r.run_uuid");
                order.add(f.column() + " " + term.direction() + (f.nullable() ? " NULLS LAST" : ""));
                continue;
            }
            String a = "o" + (++alias);
            switch (f.kind()) {
                case METRIC -> {
                    joins.sql(" LEFT JOIN latest_metrics " + a + " ON " + a + ".run_uuid = r.run_uuid AND " + a + ".metric_key = ")
                            .bind(f.key());
                    order.add("CASE WHEN " + a + ".run_uuid IS NULL THEN 2 WHEN " + a + ".is_nan = TRUE THEN 1 ELSE 0 END");
                    order.add(a + ".metric_value " + term.direction());
                }
                case PARAM -> {
                    joins.sql(" LEFT JOIN params " + a + " ON " + a + ".run_uuid = r.run_uuid AND " + a + ".param_key = ").bind(f.key());
                    order.add(a + ".param_value " + term.direction() + " NULLS LAST");
                }
                case TAG -> {
                    joins.sql(" LEFT JOIN tags " + a + " ON " + a + ".run_uuid = r.run_uuid AND " + a + ".tag_key = ").bind(f.key());
                    order.add(a + ".tag_value " + term.direction() + " NULLS LAST");
                }
                default -> throw new IllegalStateException("unorderable field " + f);
            }
        }
        if (!byStartTime) {
            order.add("r.start_time DESC");
        }
        if (!byRunId) {
            order.add("r.run_uuid ASC");
        }
        return String.join(", ", order);
    }

    private static void comparison(FilterExpr.Comparison c, SqlBuilder out) {
        Field f = c.field();
        switch (f.kind()) {
            case METRIC -> {
                out.sql("EXISTS (SELECT 1 FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.metric_key = ").bind(f.key())
                        .sql(" AND m.is_nan = FALSE AND ");
                FilterSql.predicate("m.metric_value", c, out);
                out.sql(")");
            }
            case PARAM -> {
                out.sql("EXISTS (SELECT 1 FROM params p WHERE p.run_uuid = r.run_uuid AND p.param_key = ").bind(f.key()).sql(" AND ");
                FilterSql.predicate("p.param_value", c, out);
                out.sql(")");
            }
            case TAG -> {
                out.sql("EXISTS (SELECT 1 FROM tags t WHERE t.run_uuid = r.run_uuid AND t.tag_key = ").bind(f.key()).sql(" AND ");
                FilterSql.predicate("t.tag_value", c, out);
                out.sql(")");
            }
            case DATASET -> {
                out.sql("EXISTS (SELECT 1 FROM run_inputs d WHERE d.run_uuid = r.run_uuid AND ");
                FilterSql.predicate(f.column(), c, out);
                out.sql(")");
            }
            case ATTRIBUTE -> FilterSql.predicate(f.column(), c, out);
            default -> throw new IllegalStateException("unknown field kind " + f.kind());
        }
    }
}
