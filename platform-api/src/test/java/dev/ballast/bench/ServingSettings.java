package dev.ballast.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The knobs of the serving benchmark (system properties {@code ballast.bench.serving.*}; the report
 * file from {@code ballast.bench.report} or {@code BALLAST_BENCH_REPORT}). The defaults are what
 * the issue states its targets for (32 connections); shorter phases are for smoke runs.
 *
 * @param connections    keep-alive connections of the load generator, in both modes
 * @param warmup         closed-loop warm-up per target, not measured
 * @param closedLoop     one measured closed-loop round per target (throughput: the best round)
 * @param rounds         closed-loop rounds per target, alternating between the targets of one server
 * @param openLoop       measured open-loop phase per target at half its throughput (latency)
 * @param rows           training rows of both models
 * @param seed           seed of the training data and of the request bodies
 * @param database       {@code postgres} (default, as the other benchmarks) or {@code h2} (Ballast's embedded default)
 * @param fastApi        whether to measure the FastAPI reference at all
 * @param predictWait    how long to wait for a promoted model to start answering
 * @param predictPath    the predict route, {@code %s} standing for the model name
 * @param reference      the FastAPI reference server script
 * @param report         the Markdown file the dated section is appended to
 */
record ServingSettings(int connections, Duration warmup, Duration closedLoop, int rounds, Duration openLoop, int rows, long seed,
                       String database, boolean fastApi, Duration predictWait, String predictPath, Path reference, Path report) {

    ServingSettings {
        if (connections < 1 || rounds < 1 || closedLoop.isZero() || openLoop.isZero()) {
            throw new IllegalArgumentException("connections, rounds and the phases must be positive");
        }
    }

    static ServingSettings fromSystemProperties() {
        String database = property("database", "postgres").toLowerCase(Locale.ROOT);
        if (!database.equals("postgres") && !database.equals("h2")) {
            throw new IllegalArgumentException("ballast.bench.serving.database must be postgres or h2, got " + database);
        }
        String report = System.getProperty("ballast.bench.report", System.getenv().getOrDefault("BALLAST_BENCH_REPORT", "BENCHMARKS.md"));
        return new ServingSettings(
                Integer.parseInt(property("connections", "32")),
                Duration.ofSeconds(Long.parseLong(property("warmup-seconds", "20"))),
                Duration.ofSeconds(Long.parseLong(property("seconds", "10"))),
                Integer.parseInt(property("rounds", "2")),
                Duration.ofSeconds(Long.parseLong(property("open-seconds", "20"))),
                Integer.parseInt(property("rows", "5000")),
                Long.parseLong(property("seed", "20240611")),
                database,
                Boolean.parseBoolean(property("fastapi", "true")),
                Duration.ofSeconds(Long.parseLong(property("predict-wait-seconds", "30"))),
                property("predict-path", "/serving/%s/predict"),
                Path.of(property("reference", "../bench/reference/serve_ridge.py")).toAbsolutePath().normalize(),
                Path.of(report).toAbsolutePath());
    }

    private static String property(String name, String fallback) {
        String v = System.getProperty("ballast.bench.serving." + name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** Whether the run used the sizes the targets are stated for (else the report calls it a smoke run). */
    boolean fullSize() {
        return connections == 32 && closedLoop.toSeconds() * rounds >= 20 && openLoop.toSeconds() >= 20 && warmup.toSeconds() >= 20;
    }
}
