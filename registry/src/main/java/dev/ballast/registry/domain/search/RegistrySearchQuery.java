package dev.ballast.registry.domain.search;

import dev.ballast.tracking.domain.search.FieldKind;
import dev.ballast.tracking.domain.search.FilterExpr;
import dev.ballast.tracking.domain.search.FilterParser;
import dev.ballast.tracking.domain.search.FilterSql;
import dev.ballast.tracking.domain.search.OrderBy;
import dev.ballast.tracking.domain.search.OrderTerm;
import dev.ballast.tracking.domain.search.SearchArguments;
import dev.ballast.tracking.domain.search.SqlBuilder;
import dev.ballast.tracking.domain.search.SqlQuery;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles MLflow's registered-models/search and model-versions/search requests into one
 * parameterised query each, with the tracking module's filter grammar (so quoting, LIKE escapes,
 * AND/OR and the errors are the same as for runs). Tag tests are {@code EXISTS} subqueries, user
 * text is only ever bound. Orders end with MLflow's tie-breakers ({@code name ASC}, then
 * {@code version DESC} for versions), so offsets page stably whatever the page size.
 */
public final class RegistrySearchQuery {
    private RegistrySearchQuery() {
    }

    /** {@code SELECT m.model_id ... ORDER BY ... LIMIT ? OFFSET ?}; default order {@code name ASC}. */
    public static SqlQuery models(String filter, List<String> orderBy, long offset, int limit) {
        SearchArguments.requirePage(offset, limit);
        FilterExpr where = FilterParser.parseFilter(filter, RegistryFields.MODELS);
        List<String> order = order(OrderBy.parse(orderBy, RegistryFields.MODELS), false);
        SqlBuilder q = new SqlBuilder().sql("SELECT m.model_id FROM registered_models m");
        if (where != null) {
            q.sql(" WHERE ");
            FilterSql.write(where, (c, out) -> comparison(c, "registered_model_tags t WHERE t.model_id = m.model_id", out), q);
        }
        q.sql(" ORDER BY " + String.join(", ", order));
        q.sql(" LIMIT ").bind((long) limit).sql(" OFFSET ").bind(offset);
        return q.toQuery();
    }

    /**
     * {@code SELECT v.model_id, v.version ... ORDER BY ... LIMIT ? OFFSET ?}; default order
     * {@code name ASC, version_number DESC}.
     */
    public static SqlQuery versions(String filter, List<String> orderBy, long offset, int limit) {
        SearchArguments.requirePage(offset, limit);
        FilterExpr where = FilterParser.parseFilter(filter, RegistryFields.VERSIONS);
        List<String> order = order(OrderBy.parse(orderBy, RegistryFields.VERSIONS), true);
        SqlBuilder q = new SqlBuilder().sql("SELECT v.model_id, v.version FROM model_versions v"
                + " JOIN registered_models m ON m.model_id = v.model_id");
        if (where != null) {
            q.sql(" WHERE ");
            FilterSql.write(where, (c, out) -> comparison(c, "model_version_tags t WHERE t.model_id = v.model_id AND t.version = v.version",
                    out), q);
        }
        q.sql(" ORDER BY " + String.join(", ", order));
        q.sql(" LIMIT ").bind((long) limit).sql(" OFFSET ").bind(offset);
        return q.toQuery();
    }

    /** A column test, or for a tag an {@code EXISTS} over the tag table joined by {@code tagJoin}. */
    private static void comparison(FilterExpr.Comparison c, String tagJoin, SqlBuilder out) {
        if (c.field().kind() == FieldKind.TAG) {
            out.sql("EXISTS (SELECT 1 FROM " + tagJoin + " AND t.tag_key = ").bind(c.field().key()).sql(" AND ");
            FilterSql.predicate("t.tag_value", c, out);
            out.sql(")");
        } else {
            FilterSql.predicate(c.field().column(), c, out);
        }
    }

    private static List<String> order(List<OrderTerm> terms, boolean versions) {
        List<String> order = new ArrayList<>();
        boolean byName = false;
        boolean byVersion = false;
        for (OrderTerm t : terms) {
            String column = t.field().column();
            byName |= column.equals("m.name");
            byVersion |= column.equals("v.version");
            order.add(column + " " + t.direction());
        }
        if (!byName) {
            order.add("m.name ASC");
        }
        if (versions && !byVersion) {
            order.add("v.version DESC");
        }
        return order;
    }
}
