package dev.ballast.bench;

import java.nio.file.Path;

/**
 * The sizes of one benchmark run. They exist as settings (system properties
 * {@code ballast.bench.*}; the report file also from {@code BALLAST_BENCH_REPORT}) so that a quick smoke run can shrink them, while the defaults are the
 * sizes the acceptance targets are stated for; the report records which sizes were used.
 */
public record BenchSettings(
        int ingestClients,
        int ingestBatches,
        int ingestWarmupBatches,
        int batchSize,
        int searchRuns,
        int searchWarmup,
        int searchTimed,
        int historyPoints,
        int historyWarmup,
        int historyTimed,
        long seed,
        Path report) {

    /** The defaults: 4 x 200 batches of 1000 points after 50 warm-up batches per client (JIT), 100,000 runs, 1,000,000 history points. */
    public static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                intProperty("ingest.clients", 4),
                intProperty("ingest.batches", 200),
                intProperty("ingest.warmup-batches", 50),
                intProperty("ingest.batch-size", 1000),
                intProperty("search.runs", 100_000),
                intProperty("search.warmup", 50),
                intProperty("search.timed", 200),
                intProperty("history.points", 1_000_000),
                intProperty("history.warmup", 1),
                intProperty("history.timed", 3),
                Long.parseLong(System.getProperty("ballast.bench.seed", "20240611")),
                Path.of(System.getProperty("ballast.bench.report", envOr("BALLAST_BENCH_REPORT", "BENCHMARKS.md"))).toAbsolutePath());
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int intProperty(String name, int fallback) {
        String v = System.getProperty("ballast.bench." + name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        int parsed = Integer.parseInt(v.replace("_", "").trim());
        if (parsed < 1) {
            throw new IllegalArgumentException("ballast.bench." + name + " must be at least 1, got " + v);
        }
        return parsed;
    }

    /** Whether these are the sizes the targets were written for (smaller runs are only smoke runs). */
    public boolean fullSize() {
        return ingestClients == 4 && ingestBatches >= 100 && batchSize == 1000 && searchRuns >= 100_000
                && searchTimed >= 200 && historyPoints >= 1_000_000;
    }
}
