package dev.ballast.bench;

import dev.ballast.tracking.domain.search.RunSearchQuery;
import dev.ballast.tracking.domain.search.SqlQuery;
import dev.ballast.tracking.domain.search.ViewType;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code runs/search} over one experiment with many runs. The data is bulk-loaded with COPY
 * (the API would take far longer to fill it and is measured separately), then one client sends
 * searches one after another. The baseline runs the very SQL Ballast generates for the same
 * request (from {@link RunSearchQuery#build}) over plain JDBC, interleaved with the API calls
 * so both see the same cache and autovacuum state; the difference is what Ballast adds on top of
 * selecting the ids: loading the page's runs with their params, metrics and tags, JSON and HTTP.
 */
public final class SearchBenchmark {
    static final long TARGET_MEDIAN_NANOS = 200_000_000L;
    static final int MAX_RESULTS = 100;
    private static final Pattern RUN_ID = Pattern.compile("\"run_id\"\\s*:\\s*\"([0-9a-f]{32})\"");

    /**
     * One kind of search request, with a predicate on the data set that counts its matches.
     *
     * @param name  a short name for the result table
     * @param label the request spelled out, for the notes
     */
    record Case(String name, String label, String filter, List<String> orderBy, IntPredicate matches) {
    }

    private final BenchSettings settings;
    private final BenchHttp http;
    private final BenchDb db;
    private final List<String> notes;

    public SearchBenchmark(BenchSettings settings, BenchHttp http, BenchDb db, List<String> notes) {
        this.settings = settings;
        this.http = http;
        this.db = db;
        this.notes = notes;
    }

    public List<Figure> run() throws Exception {
        long experiment = http.createExperiment("bench-search-" + System.currentTimeMillis());
        SearchDataset data = new SearchDataset(experiment, settings.searchRuns(), settings.seed());
        long loadStart = System.nanoTime();
        load(db, data);
        Progress.log(String.format("search: loaded %,d runs in %.1f s; VACUUM ANALYZE", data.runs(), (System.nanoTime() - loadStart) / 1e9));
        db.execute("VACUUM ANALYZE runs, params, tags, latest_metrics, metrics");
        notes.add(String.format("runs/search: %,d runs with %d params, %d metrics and %d tags each in one experiment, loaded with COPY "
                        + "straight into runs, params, tags, latest_metrics and metrics (not through the API) in %.0f s, then VACUUM "
                        + "ANALYZE. One client, %d warm-up and %d timed requests per search, max_results %d. Baseline: the id-selection "
                        + "SQL Ballast generates for the same request (RunSearchQuery.build), run over plain JDBC, interleaved with the "
                        + "API requests.", data.runs(), SearchDataset.PARAMS, SearchDataset.METRICS, SearchDataset.TAGS,
                (System.nanoTime() - loadStart) / 1e9, settings.searchWarmup(), settings.searchTimed(), MAX_RESULTS));

        List<Case> cases = List.of(
                new Case("search metric filter, metric order", "runs/search filter \"metrics.m3 > 0.9\", order_by \"metrics.m1 DESC\"",
                        "metrics.m3 > 0.9", List.of("metrics.m1 DESC"), i -> data.metric(i, 3) > 0.9),
                new Case("search metric+param filter, metric order",
                        "runs/search filter \"metrics.m3 > 0.5 and params.p1 = 'v7'\", order_by \"metrics.m1 DESC\"",
                        "metrics.m3 > 0.5 and params.p1 = 'v7'", List.of("metrics.m1 DESC"),
                        i -> data.metric(i, 3) > 0.5 && data.paramValue(i, 1) == 7),
                new Case("search no filter, newest first", "runs/search without filter or order_by (newest first)", "", List.of(),
                        i -> true));
        List<Figure> figures = new ArrayList<>();
        try (Connection connection = db.open()) {
            for (Case c : cases) {
                figures.add(measure(experiment, data, c, connection));
            }
        }
        return figures;
    }

    /** Bulk-loads the data set's runs, params, tags, latest metrics and one history point per metric with COPY. */
    static void load(BenchDb db, SearchDataset data) throws Exception {
        int n = data.runs();
        Progress.log(String.format("search: COPY of %,d runs", n));
        try (Connection c = db.open(); CopyStream runs = CopyStream.open(c, "runs", SearchDataset.RUN_COLUMNS)) {
            for (int i = 0; i < n; i++) {
                data.appendRun(i, runs.row());
                runs.endRow();
            }
            runs.finish();
        }
        Progress.log(String.format("search: COPY of %,d params, %,d tags, %,d latest metrics and %,d metric points",
                (long) n * SearchDataset.PARAMS, (long) n * SearchDataset.TAGS, (long) n * SearchDataset.METRICS,
                (long) n * SearchDataset.METRICS));
        Parallel.run(2, "search-load", worker -> {
            if (worker == 0) {
                copyEach(db, data, "params", SearchDataset.PARAM_COLUMNS, SearchDataset.PARAMS, (i, k, sb) -> data.appendParam(i, k, sb));
                copyEach(db, data, "tags", SearchDataset.TAG_COLUMNS, SearchDataset.TAGS, (i, k, sb) -> data.appendTag(i, k, sb));
            } else {
                copyEach(db, data, "latest_metrics", SearchDataset.METRIC_COLUMNS, SearchDataset.METRICS, (i, k, sb) -> data.appendMetric(i, k, sb));
                copyEach(db, data, "metrics", SearchDataset.METRIC_COLUMNS, SearchDataset.METRICS, (i, k, sb) -> data.appendMetric(i, k, sb));
            }
            return new long[0];
        });
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(int run, int k, StringBuilder sb);
    }

    private static void copyEach(BenchDb db, SearchDataset data, String table, String columns, int perRun, RowWriter writer) throws Exception {
        try (Connection c = db.open(); CopyStream copy = CopyStream.open(c, table, columns)) {
            for (int i = 0; i < data.runs(); i++) {
                for (int k = 0; k < perRun; k++) {
                    writer.write(i, k, copy.row());
                    copy.endRow();
                }
            }
            copy.finish();
        }
    }

    private Figure measure(long experiment, SearchDataset data, Case c, Connection connection) throws Exception {
        int matching = 0;
        for (int i = 0; i < data.runs(); i++) {
            if (c.matches().test(i)) {
                matching++;
            }
        }
        Progress.log(String.format("search: %s (%,d matching runs)", c.label(), matching));
        byte[] body = body(experiment, c);
        SqlQuery query = RunSearchQuery.build(List.of(experiment), ViewType.ACTIVE_ONLY, c.filter(), c.orderBy(), 0, MAX_RESULTS + 1);

        for (int i = 0; i < settings.searchWarmup(); i++) {
            http.post("/runs/search", body).ok("runs/search");
            ids(connection, query);
        }
        List<String> apiIds = idsIn(http.post("/runs/search", body).ok("runs/search").text());
        List<String> sqlIds = ids(connection, query);
        List<String> expected = sqlIds.subList(0, Math.min(MAX_RESULTS, sqlIds.size()));
        if (!apiIds.equals(expected) || expected.size() != Math.min(MAX_RESULTS, matching)) {
            throw new IllegalStateException("runs/search answered " + apiIds.size() + " runs, the SQL " + expected.size()
                    + " (expected " + Math.min(MAX_RESULTS, matching) + "), or in another order");
        }

        int n = settings.searchTimed();
        long[] api = new long[n];
        long[] sql = new long[n];
        long responseBytes = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            BenchHttp.Reply r = http.post("/runs/search", body);
            api[i] = System.nanoTime() - t0;
            r.ok("runs/search");
            responseBytes = r.body().length;
            t0 = System.nanoTime();
            ids(connection, query);
            sql[i] = System.nanoTime() - t0;
        }
        if (Boolean.getBoolean("ballast.bench.explain")) {
            explain(connection, query);
        }
        Latencies a = new Latencies(api);
        Latencies s = new Latencies(sql);
        Progress.log("search: API median " + Fmt.millis(a.median()) + ", p95 " + Fmt.millis(a.p95()) + "; SQL median "
                + Fmt.millis(s.median()) + ", p95 " + Fmt.millis(s.p95()));
        notes.add(String.format("%s: %,d of %,d runs match; a response is %s.", c.label(), matching, data.runs(), Fmt.bytes(responseBytes)));
        return new Figure(c.name() + ", p50 / p95",
                Fmt.millis(a.median()) + " / " + Fmt.millis(a.p95()),
                Fmt.millis(s.median()) + " / " + Fmt.millis(s.p95()) + " (SQL)",
                Fmt.timesOf(a.median(), s.median()),
                "p50 < 200 ms", Figure.Verdict.of(a.median() < TARGET_MEDIAN_NANOS));
    }

    static byte[] body(long experiment, Case c) {
        StringBuilder sb = new StringBuilder("{\"experiment_ids\":[\"").append(experiment).append("\"]");
        if (!c.filter().isEmpty()) {
            sb.append(",\"filter\":\"").append(c.filter().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        if (!c.orderBy().isEmpty()) {
            sb.append(",\"order_by\":[");
            for (int i = 0; i < c.orderBy().size(); i++) {
                sb.append(i == 0 ? "\"" : ",\"").append(c.orderBy().get(i)).append('"');
            }
            sb.append(']');
        }
        sb.append(",\"max_results\":").append(MAX_RESULTS).append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Prints the query plan with timings on stderr (system property ballast.bench.explain=true), for diagnosis. */
    private static void explain(Connection connection, SqlQuery query) throws Exception {
        StringBuilder plan = new StringBuilder(query.sql()).append('\n').append(query.params()).append('\n');
        try (PreparedStatement ps = prepare(connection, "EXPLAIN (ANALYZE, BUFFERS) " + query.sql(), query);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plan.append("    ").append(rs.getString(1)).append('\n');
            }
        }
        Progress.log("search: plan of the id selection\n" + plan);
    }

    private static PreparedStatement prepare(Connection connection, String sql, SqlQuery query) throws Exception {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < query.params().size(); i++) {
            Object p = query.params().get(i);
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    private static List<String> ids(Connection connection, SqlQuery query) throws Exception {
        try (PreparedStatement ps = prepare(connection, query.sql(), query)) {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    static List<String> idsIn(String json) {
        List<String> out = new ArrayList<>();
        Matcher m = RUN_ID.matcher(json);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
