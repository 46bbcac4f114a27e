package dev.ballast.tracking.domain.search;

/**
 * Writes a parsed filter as a SQL condition. The AND/OR structure is the same for every entity;
 * how one comparison becomes SQL (a column test or an EXISTS subquery) is the caller's
 * {@link ComparisonWriter}.
 */
public final class FilterSql {

    /** Writes the SQL of one comparison. */
    @FunctionalInterface
    public interface ComparisonWriter {
        void write(FilterExpr.Comparison comparison, SqlBuilder out);
    }

    private FilterSql() {
    }

    /** Writes {@code expr}; every AND and OR group is parenthesised, so precedence is explicit. */
    public static void write(FilterExpr expr, ComparisonWriter comparisons, SqlBuilder out) {
        if (expr instanceof FilterExpr.And and) {
            join(and, " AND ", comparisons, out);
        } else if (expr instanceof FilterExpr.Or or) {
            join(or, " OR ", comparisons, out);
        } else {
            comparisons.write((FilterExpr.Comparison) expr, out);
        }
    }

    private static void join(FilterExpr group, String separator, ComparisonWriter comparisons, SqlBuilder out) {
        var parts = group instanceof FilterExpr.And and ? and.parts() : ((FilterExpr.Or) group).parts();
        out.sql("(");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.sql(separator);
            }
            write(parts.get(i), comparisons, out);
        }
        out.sql(")");
    }

    /**
     * Writes the test of {@code column} against the comparison's value(s): {@code column op ?},
     * {@code column IN (?, ?)}, or for ILIKE {@code LOWER(column) LIKE LOWER(?)}, which H2 and
     * PostgreSQL both evaluate the same way.
     *
     * @param column a column expression from the whitelist
     */
    public static void predicate(String column, FilterExpr.Comparison c, SqlBuilder out) {
        Operator op = c.operator();
        if (op == Operator.ILIKE) {
            out.sql("LOWER(" + column + ") LIKE LOWER(").bind(c.values().get(0)).sql(")");
        } else if (op.takesList()) {
            out.sql(column + " " + op.sql() + " (").bindAll(c.values()).sql(")");
        } else {
            out.sql(column + " " + op.sql() + " ").bind(c.values().get(0));
        }
    }
}
