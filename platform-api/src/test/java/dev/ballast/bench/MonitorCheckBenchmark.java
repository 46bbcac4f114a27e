package dev.ballast.bench;

import dev.ballast.drift.app.monitor.MonitorService;
import dev.ballast.drift.domain.monitor.MonitorStore;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.registry.domain.serving.CaptureStore;
import dev.ballast.registry.domain.serving.CapturedInputs;
import dev.ballast.tracking.app.dataset.DatasetService;
import io.micronaut.serde.ObjectMapper;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;

/**
 * The monitor check benchmark ({@code bench/monitor.sh}): one drift monitor check over 50 features x 100,000 captured
 * rows (target under 3 s) next to a plain {@link Arrays#sort(double[])} of the same 50 x 2 arrays of 100,000 doubles,
 * timed in the same run. Ballast runs in-process on a PostgreSQL database of its own. The model is set up the way a team
 * does it, over the public API: a Tribuo regression with 50 numeric inputs logged in a run, registered and promoted to
 * champion through a reviewed promotion; its training data, 100,000 rows, is uploaded as a dataset version and recorded
 * as the run's training input, so the monitor's reference is the default one (the lineage's dataset version). The
 * 100,000 current rows go through the capture store's own batch insert (the serving path's writer and format), not
 * through predict requests, which would take minutes. The timed call is {@link MonitorService#check(long)}, what the
 * scheduler runs: read the captured inputs, read the reference's sorted columns, KS, PSI and histograms per feature, the
 * correction and verdict, the stored check, the gauges and the retraining decision. The stored statistics are checked
 * against commons-math's {@code kolmogorovSmirnovStatistic} of the same arrays, bit for bit.
 */
public final class MonitorCheckBenchmark {
    private static final String MODEL = "bench-monitored";
    private static final String DATASET = "bench-monitor-training";
    private static final long TARGET_NANOS = 3_000_000_000L;

    private MonitorCheckBenchmark() {
    }

    public static void main(String[] args) {
        BenchMain.exitWith(MonitorCheckBenchmark::run);
    }

    static int run() throws Exception {
        long started = System.nanoTime();
        int features = Integer.getInteger("ballast.bench.monitor.features", 50);
        int rows = Integer.getInteger("ballast.bench.monitor.rows", 100_000);
        int runs = Integer.getInteger("ballast.bench.monitor.runs", 7);
        int warmups = Integer.getInteger("ballast.bench.monitor.warmup", 2);
        Path report = Path.of(System.getProperty("ballast.bench.report",
                System.getenv().getOrDefault("BALLAST_BENCH_REPORT", "BENCHMARKS.md"))).toAbsolutePath();
        Optional<MachineInfo> probed = MachineInfo.ofBenchDatabase("bench/monitor.sh");
        if (probed.isEmpty()) {
            return 2;
        }
        MachineInfo machine = probed.get();

        java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING); // its per-1000-steps loss lines
        Progress.log("generating " + features + " features x " + rows + " rows per side");
        MonitorBenchData data = MonitorBenchData.generate(features, rows, 42);
        Model<Regressor> model = data.train(2000, 42);
        String loadBefore = MachineInfo.loadAverage();

        System.setProperty("ballast.test.database", "postgres");
        Progress.log("starting Ballast in-process on a new database");
        long[] sortTimes = new long[runs];
        long[] checkTimes = new long[runs];
        long[] readTimes = new long[runs];
        long uploadNanos;
        long captureNanos;
        long csvBytes;
        MonitorStore.StoredCheck last = null;
        double[][] sortedRef = null;
        double[][] sortedCur = null;
        Map<String, Object> lastReport;
        try (BallastTestServer server = BallastTestServer.start(Map.of())) {
            ServingSetup.Served served = new ServingSetup(server.baseUrl()).promote(BallastTestServer.ADMIN_PASSWORD, MODEL, model,
                    "monitor-benchmark", "linear-" + features + "-features");
            Progress.log("uploading the training data (" + rows + " rows) as dataset " + DATASET);
            byte[] csv = data.referenceCsv();
            csvBytes = csv.length;
            long t0 = System.nanoTime();
            uploadReference(server, served, csv);
            uploadNanos = System.nanoTime() - t0;

            Progress.log("capturing " + rows + " served rows through the capture store");
            CaptureStore captures = server.context().getBean(CaptureStore.class);
            int version = Integer.parseInt(served.version());
            long newest = System.currentTimeMillis() - 1000;
            t0 = System.nanoTime();
            for (int from = 0; from < rows; from += 2000) {
                captures.insertBatch(data.captured(MODEL, version, from, Math.min(rows, from + 2000), newest));
            }
            captureNanos = System.nanoTime() - t0;
            new BenchDb(server.database().url(), server.database().user(), server.database().password())
                    .execute("VACUUM ANALYZE served_predictions");

            long monitorId = createMonitor(server, served, rows);
            MonitorService monitors = server.context().getBean(MonitorService.class);
            for (int i = -warmups; i < runs; i++) {
                // each timing of the check follows a timing of the baseline, so drifts in the machine's speed hit both alike
                long s0 = System.nanoTime();
                double[][] ref = sortedCopies(data.reference);
                double[][] cur = sortedCopies(data.current);
                long s1 = System.nanoTime();
                last = monitors.check(monitorId);
                long s2 = System.nanoTime();
                CapturedInputs read = captures.inputs(MODEL, version, 0, Long.MAX_VALUE, rows);
                long s3 = System.nanoTime();
                if (read.rows() != rows) {
                    throw new IllegalStateException("read " + read.rows() + " captured rows, expected " + rows);
                }
                if (i >= 0) {
                    sortTimes[i] = s1 - s0;
                    checkTimes[i] = s2 - s1;
                    readTimes[i] = s3 - s2;
                }
                sortedRef = ref;
                sortedCur = cur;
                Progress.log(String.format(Locale.ROOT, "%s %d: sort %s, check %s (read of the captured inputs alone %s)",
                        i < 0 ? "warm-up" : "round", i < 0 ? i + warmups + 1 : i + 1, Fmt.millis(s1 - s0), Fmt.millis(s2 - s1),
                        Fmt.millis(s3 - s2)));
            }
            lastReport = server.context().getBean(ObjectMapper.class).readValue(last.reportJson(), Map.class);
        }
        verify(data, lastReport, last, sortedRef, sortedCur);

        long sort = median(sortTimes);
        long check = median(checkTimes);
        long read = median(readTimes);
        String size = features + " features x " + Fmt.count(rows) + " captured rows";
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("monitor check, " + size + " (read, KS + PSI + histograms, stored)", Fmt.millis(check),
                Fmt.millis(sort) + " (sort)", Fmt.timesOf(check, sort), "< 3 s", Figure.Verdict.of(check < TARGET_NANOS)));
        figures.add(Figure.info("  read of the captured inputs alone (CaptureStore.inputs)", Fmt.millis(read), Fmt.millis(sort) + " (sort)",
                Fmt.timesOf(read, sort)));
        figures.add(Figure.info("  fastest check / fastest sort", Fmt.millis(min(checkTimes)), Fmt.millis(min(sortTimes)) + " (sort)",
                Fmt.timesOf(min(checkTimes), min(sortTimes))));

        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        List<String> settings = List.of(String.format(Locale.ROOT, "Monitor check: %d normal features, reference %s rows (a dataset "
                        + "version, %.0f MB of CSV, uploaded in %.1f s), current %s captured rows (inserted through the capture store in "
                        + "%.1f s); verdict %s, %s of %d features drifted; median of %d runs after %d warm-ups; load average before %s, "
                        + "after %s; whole benchmark %.1f s.", features, Fmt.count(rows), csvBytes / 1e6, uploadNanos / 1e9,
                Fmt.count(rows), captureNanos / 1e9, last.verdict(), lastReport.get("drifted_features"), features, runs, warmups,
                loadBefore, MachineInfo.loadAverage(), (System.nanoTime() - started) / 1e9));
        List<String> notes = List.of("Baseline: Arrays.sort of copies of the same " + features + " x 2 arrays of " + Fmt.count(rows)
                + " doubles (reference and current), timed just before each check in the same run. The check is MonitorService.check, "
                + "the call the scheduler makes: the newest " + Fmt.count(rows) + " captured rows of the served version read from "
                + "PostgreSQL, the reference's sorted columns read from the dataset's derived files, KS (checked bit for bit against "
                + "commons-math's kolmogorovSmirnovStatistic), PSI and histograms per feature, Bonferroni, the check stored with its "
                + "histograms, the gauges and the retraining decision. Captured inputs keep every digit of the double (about 19 "
                + "characters a value), the longest a served input can be. Ballast, its PostgreSQL and the benchmark share the "
                + "machine's cores.");
        System.out.println();
        System.out.println("Ballast monitor check, " + date);
        System.out.print(Report.table(figures));
        Report.append(report, Report.markdownSection("drift monitor check on PostgreSQL", date, machine, settings, figures, notes));
        Progress.log("appended the results to " + report);
        return 0;
    }

    private static void uploadReference(BallastTestServer server, ServingSetup.Served served, byte[] csv) throws Exception {
        expect(server.postJson("/api/v1/datasets", "{\"name\":\"" + DATASET + "\"}", served.authorization()).status(), 201,
                "create dataset");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/datasets/" + DATASET + "/versions"))
                .header("Authorization", served.authorization()).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
        expect(r.statusCode(), 201, "upload: " + r.body());
        DatasetService datasets = server.context().getBean(DatasetService.class);
        datasets.derived(datasets.version(DATASET, "latest")); // waits for the sorted columns, written after the answer
        expect(server.postJson("/api/v1/runs/" + served.runId() + "/inputs", "{\"dataset\":\"" + DATASET
                + "\",\"version\":\"latest\",\"context\":\"training\"}", served.authorization()).status(), 201, "record the training input");
    }

    private static long createMonitor(BallastTestServer server, ServingSetup.Served served, int rows) {
        var created = server.postJson("/api/v1/drift/monitors", "{\"model\":\"" + MODEL + "\",\"current_rows\":" + rows + "}",
                served.authorization());
        expect(created.status(), 201, "create the monitor: " + created.body());
        return ((Number) created.json().get("id")).longValue();
    }

    /** The stored check tested every feature on all rows, and its D is commons-math's for the same arrays. */
    @SuppressWarnings("unchecked")
    private static void verify(MonitorBenchData data, Map<String, Object> report, MonitorStore.StoredCheck check, double[][] sortedRef,
                               double[][] sortedCur) {
        if (check.currentRows() != data.rows()) {
            throw new IllegalStateException("the check read " + check.currentRows() + " rows, expected " + data.rows());
        }
        List<Map<String, Object>> features = (List<Map<String, Object>>) report.get("features");
        if (features.size() != data.features()) {
            throw new IllegalStateException("the check tested " + features.size() + " features, expected " + data.features());
        }
        KolmogorovSmirnovTest commons = new KolmogorovSmirnovTest();
        for (int f = 0; f < data.features(); f++) {
            Map<String, Object> row = features.get(f);
            if (!data.names[f].equals(row.get("feature")) || ((Number) row.get("reference_size")).intValue() != data.rows()
                    || ((Number) row.get("current_size")).intValue() != data.rows()) {
                throw new IllegalStateException("unexpected feature row " + row);
            }
            double expected = commons.kolmogorovSmirnovStatistic(sortedRef[f], sortedCur[f]);
            double stored = ((Number) row.get("statistic")).doubleValue();
            if (Double.compare(expected, stored) != 0) {
                throw new IllegalStateException("D of " + data.names[f] + " is " + stored + ", commons-math's " + expected);
            }
        }
    }

    private static double[][] sortedCopies(double[][] columns) {
        double[][] out = new double[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            out[i] = columns[i].clone();
            Arrays.sort(out[i]);
        }
        return out;
    }

    private static void expect(int status, int expected, String what) {
        if (status != expected) {
            throw new IllegalStateException(what + " answered " + status + " (expected " + expected + ")");
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
