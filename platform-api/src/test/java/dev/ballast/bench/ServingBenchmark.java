package dev.ballast.bench;

import dev.ballast.core.testing.TestDatabase;
import dev.ballast.platform.testing.BallastProcess;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The serving benchmark ({@code bench/serving.sh}): one Ballast, started from the packaged jar as
 * an operator starts it, serves a promoted Tribuo linear regression with 10 features; the same
 * load generator then measures, in one run, Ballast's predict endpoint, Ballast's trivial
 * {@code POST /api/v1/ping} (the HTTP stack's limit on this machine) and the reference stack
 * (FastAPI + uvicorn + scikit-learn Ridge): throughput with 32 connections in a closed loop, then
 * p50/p99 latency in an open loop at half that throughput. Each figure is printed next to its
 * target and appended to BENCHMARKS.md with the machine.
 */
public final class ServingBenchmark {
    private static final String HOST = "127.0.0.1";
    private static final String ADMIN_PASSWORD = "serving-bench-admin-password";
    private static final int BODIES = 64;
    /** Held here: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    private ServingBenchmark() {
    }

    public static void main(String[] args) {
        BenchMain.exitWith(ServingBenchmark::run);
    }

    static int run() throws Exception {
        long started = System.nanoTime();
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING); // no line per 1000 SGD steps
        ServingSettings settings = ServingSettings.fromSystemProperties();
        String loadBefore = MachineInfo.loadAverage();
        MachineInfo machine = settings.database().equals("postgres") ? postgresMachine() : MachineInfo.withoutPostgres();
        if (machine == null) {
            return 2;
        }

        Path dataDir = Files.createDirectories(Path.of("target", "bench-data").toAbsolutePath());
        double[][] rows = ServingData.rows(settings.rows(), settings.seed());
        Path csv = dataDir.resolve("serving-train-" + settings.rows() + ".csv");
        ServingData.writeCsv(rows, csv);
        Model<Regressor> model = ServingData.train(rows, settings.seed());
        List<String> bodies = ServingData.bodies(BODIES, settings.seed());
        Progress.log("trained the Tribuo linear regression on " + Fmt.count(rows.length) + " rows; starting Ballast from "
                + BallastProcess.jar());

        TargetFigures ping;
        TargetFigures predict;
        TestDatabase database = null;
        Path home = Files.createTempDirectory("ballast-serving-bench");
        try {
            Map<String, String> env = new HashMap<>();
            env.put("BALLAST_HOME", home.toString());
            env.put("BALLAST_ADMIN_PASSWORD", ADMIN_PASSWORD);
            if (settings.database().equals("postgres")) {
                System.setProperty("ballast.test.database", "postgres");
                database = TestDatabase.create();
                env.put("BALLAST_DB_URL", database.url());
                env.put("BALLAST_DB_USER", database.user());
                env.put("BALLAST_DB_PASSWORD", database.password());
            }
            try (BallastProcess ballast = BallastProcess.start(env)) {
                try {
                    TargetFigures[] measured = measureBallast(ballast, settings, model, bodies);
                    ping = measured[0];
                    predict = measured[1];
                } catch (Exception | AssertionError e) {
                    System.err.println("[bench] Ballast's output, last lines:\n" + tail(ballast.output(), 40));
                    throw e;
                }
            }
        } finally {
            if (database != null) {
                database.close();
            }
            deleteTree(home);
        }

        TargetFigures fastApi = measureFastApi(settings, csv, bodies);
        String loadAfter = MachineInfo.loadAverage();

        List<Figure> figures = ServingFigures.figures(predict, ping, fastApi);
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        List<String> sizes = List.of(String.format(Locale.ROOT, "Load: %d keep-alive HTTP/1.1 connections; per target %d s closed-loop "
                        + "warm-up, %d closed-loop rounds of %d s (throughput: the best round), %d s open loop at half that throughput "
                        + "(latency)%s; the targets of one server are warmed up and measured in alternation. Model: Tribuo "
                        + "LinearSGDTrainer (squared loss, AdaGrad 0.5, 20 epochs), 10 features, %s training rows, seed %d; "
                        + "%d distinct request bodies. Ballast on %s. Whole benchmark %.1f min.",
                settings.connections(), settings.warmup().toSeconds(), settings.rounds(), settings.closedLoop().toSeconds(),
                settings.openLoop().toSeconds(),
                settings.fullSize() ? "" : " (smoke run: shorter than the issue's sizes)", Fmt.count(settings.rows()), settings.seed(),
                BODIES, settings.database().equals("postgres") ? "PostgreSQL" : "embedded H2", (System.nanoTime() - started) / 60e9),
                "Load average (1/5/15 min) before / after: " + loadBefore + " and " + loadAfter);
        List<String> notes = new ArrayList<>(ServingFigures.notes(predict, ping, fastApi, machine.cpus()));
        double busiest = Math.max(firstLoad(loadBefore), firstLoad(loadAfter));
        if (busiest > machine.cpus()) {
            notes.add(0, String.format(Locale.ROOT, "The machine was busy with other work (1-minute load average up to %.1f on %d cores "
                    + "before or after the run): the figures, the latency percentiles above all, are pessimistic.", busiest, machine.cpus()));
        }
        System.out.println();
        System.out.println("Ballast model serving, " + date);
        System.out.print(Report.table(figures));
        for (String n : notes) {
            System.out.println("- " + n);
        }
        Report.append(settings.report(), Report.markdownSection("model serving", date, machine, sizes, figures, notes));
        Progress.log("appended the results to " + settings.report());
        return 0;
    }

    /** Promotes the model, then measures ping and predict together (see {@link Measurements}); answers {ping, predict}. */
    private static TargetFigures[] measureBallast(BallastProcess ballast, ServingSettings settings, Model<Regressor> model,
                                                  List<String> bodies) throws Exception {
        Duration startup = ballast.awaitHealthy(Duration.ofMinutes(2));
        Progress.log(String.format(Locale.ROOT, "Ballast (pid %d) healthy on port %d after %.1f s; promoting the model",
                ballast.pid(), ballast.port(), startup.toMillis() / 1e3));
        ServingSetup setup = new ServingSetup("http://" + HOST + ":" + ballast.port());
        ServingSetup.Served served = setup.promote(ADMIN_PASSWORD, "bench-linear", model);
        String predictPath = String.format(Locale.ROOT, settings.predictPath(), served.model());
        Progress.log("model " + served.model() + " v" + served.version() + " is champion; predict at " + predictPath);

        Measurements.Target ping = new Measurements.Target("Ballast POST /api/v1/ping", ballast.port(), "/api/v1/ping",
                served.authorization());
        Measurements.Target predict = new Measurements.Target("Ballast POST " + predictPath, ballast.port(), predictPath,
                served.authorization());
        String missing = predictUnavailable(setup, predictPath, served.authorization(), bodies.get(0), settings.predictWait());
        if (missing != null) {
            Progress.log("predict endpoint not available: " + missing);
            return new TargetFigures[] {Measurements.measure(List.of(ping), bodies, settings).get(0),
                    TargetFigures.unavailable(predict.name(), missing)};
        }
        return Measurements.measure(List.of(ping, predict), bodies, settings).toArray(new TargetFigures[0]);
    }

    /**
     * Null when the predict endpoint answers 200, else why not. A route that does not exist at all
     * (404, and no {@code /serving/} path in the OpenAPI document) is reported at once; otherwise the
     * promoted model gets {@code wait} to start answering.
     */
    private static String predictUnavailable(ServingSetup setup, String path, String authorization, String body, Duration wait)
            throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            HttpResponse<String> r = setup.send(path, body, authorization);
            if (r.statusCode() == 200) {
                return null;
            }
            String answer = r.statusCode() + (r.body().isBlank() ? "" : " " + abbreviate(r.body()));
            if (r.statusCode() == 404) {
                String openApi = setup.getOpen("/swagger/ballast.yml");
                if (openApi != null && !openApi.contains("/serving/")) {
                    return "404 (this build has no /serving/ route)";
                }
            }
            if (System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(500);
        }
    }

    private static TargetFigures measureFastApi(ServingSettings settings, Path csv, List<String> bodies) throws Exception {
        String name = "FastAPI + uvicorn + scikit-learn Ridge";
        if (!settings.fastApi()) {
            return TargetFigures.unavailable(name, "skipped (-Dballast.bench.serving.fastapi=false)");
        }
        String reason = FastApiReference.unavailableReason(settings.reference());
        if (reason != null) {
            Progress.log("FastAPI reference not available: " + reason);
            return TargetFigures.unavailable(name, reason);
        }
        try (FastApiReference reference = FastApiReference.start(settings.reference(), csv, bodies.get(0), Duration.ofMinutes(1))) {
            Progress.log("FastAPI reference (pid " + reference.pid() + ") on port " + reference.port() + ": " + reference.versions());
            TargetFigures measured = Measurements.measure(List.of(new Measurements.Target(name, reference.port(), "/predict", null)),
                    bodies, settings).get(0);
            return new TargetFigures(name + " (" + reference.versions() + ")", measured.closed(), measured.roundRates(),
                    measured.openRate(), measured.open(), measured.connections(), measured.unavailable());
        }
    }

    private static MachineInfo postgresMachine() {
        String url = System.getenv("BALLAST_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            System.err.println("[bench] BALLAST_TEST_POSTGRES_URL is not set; run bench/serving.sh (or use -Dballast.bench.serving.database=h2)");
            return null;
        }
        try (Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("BALLAST_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("BALLAST_TEST_POSTGRES_PASSWORD", ""))) {
            return MachineInfo.collect(c);
        } catch (SQLException e) {
            System.err.println("[bench] PostgreSQL is unreachable at " + url + ": " + e.getMessage());
            return null;
        }
    }

    private static double firstLoad(String loadAverage) {
        try {
            return Double.parseDouble(loadAverage.split(" ")[0]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary directory
        }
    }
}
