package dev.ballast.bench;

import java.sql.Connection;
import java.util.List;
import java.util.Random;

/**
 * Metric ingestion through {@code runs/log-batch}: several clients, each posting full batches
 * into a run of its own, against the fastest way PostgreSQL takes the same rows (COPY over
 * plain JDBC, one transaction per batch, as many threads). The share of that baseline Ballast
 * keeps is the cost of HTTP, JSON, authentication, validation and the latest-value upkeep.
 */
public final class IngestBenchmark {
    static final long MIN_POINTS_PER_SECOND = 100_000;
    static final double MIN_SHARE_OF_BASELINE = 0.40;

    private final BenchSettings settings;
    private final BenchHttp http;
    private final BenchDb db;
    private final List<String> notes;

    public IngestBenchmark(BenchSettings settings, BenchHttp http, BenchDb db, List<String> notes) {
        this.settings = settings;
        this.http = http;
        this.db = db;
        this.notes = notes;
    }

    public List<Figure> run() throws Exception {
        int clients = settings.ingestClients();
        int warm = settings.ingestWarmupBatches();
        int timed = settings.ingestBatches();
        MetricBatches batches = new MetricBatches(settings.seed(), settings.batchSize());
        long timedPoints = (long) clients * timed * settings.batchSize();

        long experiment = http.createExperiment("bench-ingest-" + System.currentTimeMillis());
        String[] runs = new String[clients];
        for (int c = 0; c < clients; c++) {
            runs[c] = http.createRun(experiment, "ingest-client-" + c);
        }
        Progress.log("ingest: serialising " + clients * (warm + timed) + " log-batch bodies of " + settings.batchSize() + " points");
        byte[][][] bodies = new byte[clients][warm + timed][];
        for (int c = 0; c < clients; c++) {
            for (int b = 0; b < warm + timed; b++) {
                bodies[c][b] = batches.json(runs[c], c, b);
            }
        }
        Progress.log("ingest: warm-up, " + warm + " batches per client");
        Parallel.run(clients, "ingest-warmup", c -> post(bodies[c], 0, warm));
        Progress.log("ingest: timed, " + clients + " clients x " + timed + " batches = " + Fmt.count(timedPoints) + " points");
        Parallel.Result api = Parallel.run(clients, "ingest", c -> post(bodies[c], warm, warm + timed));
        double apiRate = timedPoints / (api.wallNanos() / 1e9);
        Progress.log("ingest: API " + Fmt.rate(apiRate, "points"));

        long expected = (long) clients * (warm + timed) * settings.batchSize();
        long stored = db.queryLong("SELECT count(*) FROM metrics WHERE run_uuid IN ('" + String.join("','", runs) + "')");
        if (stored != expected) {
            throw new IllegalStateException("the API acknowledged " + expected + " points but " + stored + " are stored");
        }

        Progress.log("ingest: baseline, COPY of the same rows over plain JDBC");
        Random ids = new Random(settings.seed() + 1);
        String[] baselineRuns = new String[clients];
        byte[][][] chunks = new byte[clients][warm + timed][];
        for (int c = 0; c < clients; c++) {
            baselineRuns[c] = RunIds.next(ids);
            for (int b = 0; b < warm + timed; b++) {
                chunks[c][b] = batches.copyRows(baselineRuns[c], c, b);
            }
        }
        Connection[] connections = new Connection[clients];
        try {
            for (int c = 0; c < clients; c++) {
                connections[c] = db.open();
                connections[c].setAutoCommit(true);
            }
            Parallel.run(clients, "copy-warmup", c -> copy(connections[c], chunks[c], 0, warm));
            Parallel.Result copy = Parallel.run(clients, "copy", c -> copy(connections[c], chunks[c], warm, warm + timed));
            double copyRate = timedPoints / (copy.wallNanos() / 1e9);
            Progress.log("ingest: COPY baseline " + Fmt.rate(copyRate, "points"));

            boolean fastEnough = apiRate >= MIN_POINTS_PER_SECOND;
            boolean closeEnough = apiRate >= MIN_SHARE_OF_BASELINE * copyRate;
            notes.add("log-batch ingestion: " + clients + " concurrent clients x " + timed + " timed batches of " + settings.batchSize()
                    + " points (" + Fmt.count(timedPoints) + " points, after " + warm + " warm-up batches per client), bodies "
                    + "serialised before timing, each client into its own run. Baseline: the same rows by COPY FROM STDIN over plain "
                    + "JDBC, " + clients + " threads, one COPY and transaction per batch. Absolute target "
                    + (fastEnough ? "met" : "missed") + ", share-of-baseline target " + (closeEnough ? "met" : "missed") + ".");
            Latencies apiLatency = new Latencies(api.latencies());
            Latencies copyLatency = new Latencies(copy.latencies());
            return List.of(
                    new Figure("log-batch, " + clients + " clients x " + settings.batchSize() + " points",
                            Fmt.rate(apiRate, "points"), Fmt.rate(copyRate, "rows") + " (COPY)", Fmt.shareOf(apiRate, copyRate),
                            ">= 100k points/s, >= 40% of baseline", Figure.Verdict.of(fastEnough && closeEnough)),
                    Figure.info("log-batch request, p50 / p95",
                            Fmt.millis(apiLatency.median()) + " / " + Fmt.millis(apiLatency.p95()),
                            Fmt.millis(copyLatency.median()) + " / " + Fmt.millis(copyLatency.p95()) + " (COPY)",
                            Fmt.timesOf(apiLatency.median(), copyLatency.median())));
        } finally {
            for (Connection c : connections) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    private long[] post(byte[][] bodies, int from, int to) {
        long[] latencies = new long[to - from];
        for (int b = from; b < to; b++) {
            long t0 = System.nanoTime();
            http.post("/runs/log-batch", bodies[b]).ok("runs/log-batch");
            latencies[b - from] = System.nanoTime() - t0;
        }
        return latencies;
    }

    private static long[] copy(Connection connection, byte[][] chunks, int from, int to) throws Exception {
        long[] latencies = new long[to - from];
        for (int b = from; b < to; b++) {
            long t0 = System.nanoTime();
            CopyStream.copyAll(connection, "metrics", MetricBatches.COPY_COLUMNS, chunks[b]);
            latencies[b - from] = System.nanoTime() - t0;
        }
        return latencies;
    }
}
