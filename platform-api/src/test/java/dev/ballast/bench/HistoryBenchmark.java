package dev.ballast.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Random;

/**
 * {@code metrics/get-history} of one long metric (a million points by default) answered in one
 * response, as MLflow clients ask for it without max_results. The points are bulk-loaded with
 * COPY; the baseline reads the same rows in the same order over plain JDBC, so the difference is
 * what Ballast spends turning rows into MLflow JSON and sending it.
 */
public final class HistoryBenchmark {
    static final String KEY = "loss";

    private final BenchSettings settings;
    private final BenchHttp http;
    private final BenchDb db;
    private final List<String> notes;

    public HistoryBenchmark(BenchSettings settings, BenchHttp http, BenchDb db, List<String> notes) {
        this.settings = settings;
        this.http = http;
        this.db = db;
        this.notes = notes;
    }

    public List<Figure> run() throws Exception {
        int points = settings.historyPoints();
        long experiment = http.createExperiment("bench-history-" + System.currentTimeMillis());
        String run = http.createRun(experiment, "long-history");
        Progress.log(String.format("history: COPY of %,d points of metric '%s'", points, KEY));
        load(run, points);
        db.execute("VACUUM ANALYZE metrics, latest_metrics");

        String path = "/metrics/get-history?run_id=" + run + "&metric_key=" + KEY;
        String sql = "SELECT metric_key, metric_value, ts, step FROM metrics WHERE run_uuid = ? AND metric_key = ? "
                + "ORDER BY step, ts, metric_value";
        try (Connection connection = db.open()) {
            for (int i = 0; i < settings.historyWarmup(); i++) {
                BenchHttp.Reply r = http.get(path).ok("metrics/get-history");
                long answered = occurrences(r.body(), "\"step\"");
                if (answered != points) {
                    throw new IllegalStateException("get-history answered " + answered + " points, " + points + " were loaded");
                }
                read(connection, sql, run, points);
            }
            int n = settings.historyTimed();
            long[] api = new long[n];
            long[] jdbc = new long[n];
            long bytes = 0;
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                BenchHttp.Reply r = http.get(path);
                api[i] = System.nanoTime() - t0;
                r.ok("metrics/get-history");
                bytes = r.body().length;
                t0 = System.nanoTime();
                read(connection, sql, run, points);
                jdbc[i] = System.nanoTime() - t0;
                Progress.log(String.format("history: API %.2f s, JDBC %.2f s", api[i] / 1e9, jdbc[i] / 1e9));
            }
            Latencies a = new Latencies(api);
            Latencies s = new Latencies(jdbc);
            double apiRate = points / (a.median() / 1e9);
            double jdbcRate = points / (s.median() / 1e9);
            notes.add(String.format("metrics/get-history: one metric of %,d points loaded with COPY (not through the API), then VACUUM "
                    + "ANALYZE; %d warm-up and %d timed requests without max_results (all points in one response of %s); figures "
                    + "from the median request. Baseline: the same SELECT ... ORDER BY step, ts, metric_value over plain JDBC, every "
                    + "column read.", points, settings.historyWarmup(), n, Fmt.bytes(bytes)));
            return List.of(
                    Figure.info(String.format("get-history, %,d points", points),
                            Fmt.rate(apiRate, "points") + " (" + Fmt.millis(a.median()) + ", " + Fmt.bytes(bytes) + ")",
                            Fmt.rate(jdbcRate, "rows") + " (" + Fmt.millis(s.median()) + ", SQL)",
                            Fmt.shareOf(apiRate, jdbcRate)));
        }
    }

    private void load(String run, int points) throws Exception {
        Random r = new Random(settings.seed() + 2);
        double last = 0;
        try (Connection c = db.open(); CopyStream copy = CopyStream.open(c, "metrics", MetricBatches.COPY_COLUMNS)) {
            for (int step = 0; step < points; step++) {
                last = 2.0 * Math.exp(-step / (double) points * 5) + r.nextDouble() * 0.05;
                copy.row().append(run).append('\t').append(KEY).append('\t').append(last).append('\t')
                        .append(MetricBatches.BASE_TIMESTAMP + step * 10L).append('\t').append(step).append("\tf");
                copy.endRow();
            }
            copy.finish();
        }
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO latest_metrics (run_uuid, metric_key, metric_value, ts, step, is_nan) VALUES (?, ?, ?, ?, ?, FALSE)")) {
            ps.setString(1, run);
            ps.setString(2, KEY);
            ps.setDouble(3, last);
            ps.setLong(4, MetricBatches.BASE_TIMESTAMP + (points - 1) * 10L);
            ps.setLong(5, points - 1);
            ps.executeUpdate();
        }
    }

    private static void read(Connection connection, String sql, String run, int expected) throws Exception {
        long rows = 0;
        double sink = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, run);
            ps.setString(2, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    sink += rs.getDouble(2) + rs.getLong(3) + rs.getLong(4) + key.length();
                    rows++;
                }
            }
        }
        if (rows != expected || Double.isNaN(sink)) {
            throw new IllegalStateException("the history query answered " + rows + " rows, " + expected + " were loaded");
        }
    }

    /** How often {@code needle} (ASCII) occurs in {@code haystack}. */
    static long occurrences(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        long count = 0;
        outer:
        for (int i = 0; i <= haystack.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            count++;
            i += n.length - 1;
        }
        return count;
    }
}
