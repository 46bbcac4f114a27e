package dev.ballast.ui.tracking;

import dev.ballast.core.error.BallastException;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a runs table shows, read from its URL: the MLflow filter, the sort column and direction,
 * the chosen metric and param columns ({@code cols=1} marks an explicit choice, so choosing none
 * is possible; otherwise the page picks defaults) and the page token. It writes the MLflow
 * {@code order_by} clause for the sort and the links to other states of the same table.
 *
 * <p>A sort is {@code attr:<name>}, {@code metric:<key>} or {@code param:<key>}. Keys go into
 * the order clause backtick-quoted with backslash escapes, so any key (spaces, quotes,
 * backticks) sorts, and nothing a user writes is read as grammar.
 */
public record RunsQuery(long experimentId, String filter, String sort, boolean ascending, boolean chosen, List<String> metrics,
                 List<String> params, String page) {
    static final String DEFAULT_SORT = "attr:start_time";
    /** The attributes a runs table sorts by, as the filter grammar names them. */
    static final Set<String> ATTRIBUTES = Set.of("run_name", "start_time", "end_time", "status", "user_id");

    public RunsQuery {
        filter = filter == null ? "" : filter.strip();
        sort = sort == null || sort.isBlank() ? DEFAULT_SORT : sort;
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        params = params == null ? List.of() : List.copyOf(params);
        page = page == null || page.isBlank() ? null : page;
    }

    /** Reads {@code dir} ({@code asc} or {@code desc}); absent means newest first for the default sort, else ascending. */
    static boolean ascending(String sort, String dir) {
        if (dir == null || dir.isBlank()) {
            return !(sort == null || sort.isBlank() || sort.equals(DEFAULT_SORT));
        }
        return switch (dir.toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw BallastException.invalid("Invalid sort direction '" + dir + "': use asc or desc.");
        };
    }

    /** The same table with other columns. */
    RunsQuery withColumns(List<String> metricKeys, List<String> paramKeys) {
        return new RunsQuery(experimentId, filter, sort, ascending, chosen, metricKeys, paramKeys, page);
    }

    /** The MLflow order_by clause of the sort. */
    String orderBy() {
        String direction = ascending ? " ASC" : " DESC";
        int colon = sort.indexOf(':');
        String kind = colon < 0 ? "" : sort.substring(0, colon);
        String key = colon < 0 ? "" : sort.substring(colon + 1);
        return switch (kind) {
            case "attr" -> {
                if (!ATTRIBUTES.contains(key)) {
                    throw BallastException.invalid("Cannot sort runs by '" + key + "': sort by run_name, start_time, end_time, status, "
                            + "user_id, a metric or a param.");
                }
                yield "attributes." + key + direction;
            }
            case "metric" -> "metrics." + quoted(key) + direction;
            case "param" -> "params." + quoted(key) + direction;
            default -> throw BallastException.invalid("Invalid sort '" + sort + "': use attr:<name>, metric:<key> or param:<key>.");
        };
    }

    /** A key as a backticked name of the filter grammar. */
    static String quoted(String key) {
        if (key.isEmpty()) {
            throw BallastException.invalid("Invalid sort: the key is empty.");
        }
        return "`" + key.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    public String path() {
        return "/ui/experiments/" + experimentId + "/runs";
    }

    /** The link to this table sorted by {@code column}: the other direction when it is the current sort, first page. */
    String sortLink(String column) {
        boolean asc = column.equals(sort) ? !ascending : !column.equals(DEFAULT_SORT);
        return link(column, asc, null);
    }

    /** The link to another page of this table. */
    String pageLink(String token) {
        return link(sort, ascending, token);
    }

    /** This table's own link, on its first page when {@code page} is null. */
    String link(String sortColumn, boolean asc, String pageToken) {
        Links l = Links.to(path()).param("filter", filter);
        if (!sortColumn.equals(DEFAULT_SORT) || asc) {
            l.param("sort", sortColumn).param("dir", asc ? "asc" : "desc");
        }
        if (chosen) {
            l.param("cols", "1").params("metric", metrics).params("param", params);
        }
        return l.param("page", pageToken).toString();
    }

    /** {@code ascending}, {@code descending} or {@code none} for a sortable column's aria-sort. */
    String ariaSort(String column) {
        return column.equals(sort) ? (ascending ? "ascending" : "descending") : "none";
    }
}
