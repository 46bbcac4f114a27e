package dev.ballast.bench;

import dev.ballast.core.testing.TestDatabase;
import dev.ballast.demo.Console;
import dev.ballast.demo.Demo;
import dev.ballast.demo.DemoOptions;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.tracking.domain.search.PageToken;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web UI benchmark: the server time of each page of the UI (wall time of one HTTP request on
 * loopback, signed in with a session cookie) over an experiment of {@value #DEFAULT_RUNS} runs on
 * PostgreSQL, next to a baseline measured in the same run, interleaved: the JSON API call that
 * answers the same question (the same page of runs/search, runs/get, get-history) or
 * {@code GET /health}. The target is under 100 ms per page; the verdict is on p95.
 *
 * <p>The pages are the lists {@link #pages} (tracking, over the 10,000 runs) and {@link #storyPages} (registry,
 * datasets, drift, audit, serving, over what {@code ./ballast demo}'s loop leaves), each with a check that the page
 * shows what it should, so an error page is never timed as if it were the real one.
 */
public final class UiBenchmark {
    static final int DEFAULT_RUNS = 10_000;
    static final long TARGET_NANOS = 100_000_000L;
    /** The run with the long history is the newest (on the first page); the next four have short ones. */
    static final int LONG_HISTORY_POINTS = 100_000;
    static final int SHORT_HISTORY_POINTS = 1_000;
    static final int COMPARED_RUNS = 5;
    private static final Pattern COOKIE = Pattern.compile("ballast_session=([^;]+)");
    private static final Pattern ROW = Pattern.compile("<tr data-run-id=");

    /** A timed page, the baseline request timed next to it, and what a correct answer contains. */
    record UiPage(String name, String path, Baseline baseline, Predicate<String> looksRight, String expectation) {
    }

    /** A baseline request: a JSON API call (POST when {@code body} is set) or a plain GET. */
    record Baseline(String label, String path, String body) {
        static Baseline health() {
            return new Baseline("GET /health", "/health", null);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String adminAuth;
    private String cookie;

    private UiBenchmark(String baseUrl, String adminAuth) {
        this.baseUrl = baseUrl;
        this.adminAuth = adminAuth;
    }

    public static void main(String[] args) {
        BenchMain.exitWith(UiBenchmark::run);
    }

    static int run() throws Exception {
        long started = System.nanoTime();
        int runs = Integer.getInteger("ballast.bench.ui.runs", DEFAULT_RUNS);
        int warmup = Integer.getInteger("ballast.bench.ui.warmup", 30);
        int timed = Integer.getInteger("ballast.bench.ui.timed", 200);
        long seed = Long.getLong("ballast.bench.seed", 20240611L);
        Optional<MachineInfo> probed = MachineInfo.ofBenchDatabase("bench/ui.sh");
        if (probed.isEmpty()) {
            return 2;
        }
        MachineInfo machine = probed.get();
        BenchServer ballast = BenchServer.start();
        BallastTestServer server = ballast.server();
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            TestDatabase database = server.database();
            BenchHttp http = new BenchHttp(server.baseUrl(), server.adminAuth());
            BenchDb db = new BenchDb(database.url(), database.user(), database.password());
            long experiment = http.createExperiment("bench-ui-" + System.currentTimeMillis());
            SearchDataset data = new SearchDataset(experiment, runs, seed);
            long loadStart = System.nanoTime();
            SearchBenchmark.load(db, data);
            loadHistories(db, data);
            db.execute("VACUUM ANALYZE runs, params, tags, latest_metrics, metrics");
            Progress.log(String.format("ui: loaded %,d runs and their histories in %.1f s", runs, (System.nanoTime() - loadStart) / 1e9));

            server.createUser("bench-ui", "ENGINEER");
            UiBenchmark bench = new UiBenchmark(server.baseUrl(), server.adminAuth());
            bench.signIn("bench-ui", "bench-ui-password-123");
            for (UiPage page : pages(experiment, data)) {
                figures.add(bench.measure(page, warmup, timed, notes));
            }
            Progress.log("ui: seeding the registry, dataset, serving and drift pages with ./ballast demo's loop");
            long seeded = System.nanoTime();
            Demo.Outcome story = new Demo(new DemoOptions(server.baseUrl(), BallastTestServer.ADMIN, BallastTestServer.ADMIN_PASSWORD, seed,
                    5000, 12, 600, "bench-ui"), new Console(System.err, 9), null).run();
            notes.add(String.format("Registry, dataset, serving, drift and audit pages: seeded by running `./ballast demo`'s loop once "
                    + "through the public API (%.0f s): a 5,000-row dataset in 2 versions, 7 runs, a model with 2 versions, 2 "
                    + "promotions, a monitor with its checks and a retraining workflow.", (System.nanoTime() - seeded) / 1e9));
            for (UiPage page : storyPages(story)) {
                figures.add(bench.measure(page, warmup, timed, notes));
            }
            notes.add(String.format("Data: one experiment of %,d runs with %d params, %d metrics and %d tags each, loaded with COPY "
                            + "(as the tracking benchmark's search data), plus a `loss` history of %,d points on the newest run and of "
                            + "%,d points on the next %d; VACUUM ANALYZE before timing.", runs, SearchDataset.PARAMS, SearchDataset.METRICS,
                    SearchDataset.TAGS, LONG_HISTORY_POINTS, SHORT_HISTORY_POINTS, COMPARED_RUNS - 1));
            notes.add(String.format("Each page: %d warm-up and %d timed GETs by one client, signed in through the sign-in form (session "
                    + "cookie), each followed by its baseline request; figures are the wall time from sending the request to the "
                    + "last byte of the answer, p50 / p95 / max (nearest rank). Ballast, PostgreSQL and the client share the "
                    + "machine's %d cores.", warmup, timed, machine.cpus()));
        } finally {
            ballast.close();
        }
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        List<String> sizes = List.of(String.format("Sizes: %,d runs, %d timed requests per page; whole benchmark %.1f min.", runs, timed,
                (System.nanoTime() - started) / 60e9));
        if (runs != DEFAULT_RUNS) {
            notes.add("SMOKE RUN with " + runs + " runs: the target is stated for " + DEFAULT_RUNS + ", so the verdicts are only indicative.");
        }
        System.out.println();
        System.out.println("Ballast web UI pages on PostgreSQL, " + date);
        System.out.print(Report.table(figures));
        System.out.flush();
        String report = System.getProperty("ballast.bench.report", envOr("BALLAST_BENCH_REPORT", "BENCHMARKS.md"));
        Report.append(java.nio.file.Path.of(report), Report.markdownSection("web UI pages on PostgreSQL", date, machine, sizes, figures,
                notes));
        Progress.log("appended the results to " + report);
        return 0;
    }

    /**
     * The pages timed, in report order. Add a page here (name, path, baseline, what its HTML must
     * contain) to benchmark it.
     */
    static List<UiPage> pages(long experiment, SearchDataset data) {
        String runs = "/ui/experiments/" + experiment + "/runs";
        int newest = data.runs() - 1;
        String longRun = data.runId(newest);
        String plainRun = data.runId(newest - COMPARED_RUNS);
        StringBuilder compare = new StringBuilder("/ui/compare?metric=loss");
        List<String> compared = new ArrayList<>();
        for (int i = 0; i < COMPARED_RUNS; i++) {
            compare.append("&run=").append(data.runId(newest - i));
            compared.add("'" + data.runId(newest - i) + "'");
        }
        String filter = "metrics.m3 > 0.9 and params.p1 = 'v7'";
        Predicate<String> fiftyRows = html -> count(ROW, html) == 50;
        String api = BenchHttp.API;
        return List.of(
                new UiPage("experiments list", "/ui/experiments",
                        new Baseline("experiments/search", api + "/experiments/search", "{\"max_results\":50}"),
                        html -> html.contains("bench-ui-"), "the experiment listed"),
                new UiPage("runs table, default (newest first)", runs,
                        new Baseline("runs/search, same page", api + "/runs/search", searchBody(experiment, null, null, null)),
                        fiftyRows, "50 rows"),
                new UiPage("runs table sorted by a metric", runs + "?sort=metric:m1&dir=desc",
                        new Baseline("runs/search, same page", api + "/runs/search", searchBody(experiment, null, "metrics.m1 DESC", null)),
                        fiftyRows, "50 rows"),
                new UiPage("runs table sorted by a param", runs + "?sort=param:p2&dir=asc",
                        new Baseline("runs/search, same page", api + "/runs/search", searchBody(experiment, null, "params.p2 ASC", null)),
                        fiftyRows, "50 rows"),
                new UiPage("runs table with an MLflow filter", runs + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
                        new Baseline("runs/search, same page", api + "/runs/search", searchBody(experiment, filter, null, null)),
                        html -> count(ROW, html) > 0 && !html.contains("search-error"), "matching rows, no error"),
                new UiPage("runs table, page 10", runs + "?page=" + PageToken.encode(450),
                        new Baseline("runs/search, same page", api + "/runs/search", searchBody(experiment, null, null, PageToken.encode(450))),
                        fiftyRows, "50 rows"),
                new UiPage("run page", "/ui/runs/" + plainRun,
                        new Baseline("runs/get", api + "/runs/get?run_id=" + plainRun, null),
                        html -> html.contains("id=\"chart-run\"") && html.contains("id=\"params-table\""), "params and a chart"),
                new UiPage("run page, chart of a 100,000-point history", "/ui/runs/" + longRun + "?metric=loss",
                        new Baseline("metrics/get-history (all points)", api + "/metrics/get-history?run_id=" + longRun + "&metric_key=loss", null),
                        html -> html.contains("100,000 points, drawn as 1,000 means"), "the downsampling note"),
                new UiPage("compare 5 runs with overlaid history", compare.toString(),
                        new Baseline("runs/search of the 5 runs", api + "/runs/search",
                                "{\"experiment_ids\":[\"" + experiment + "\"],\"filter\":\"attributes.run_id IN (" + String.join(",", compared)
                                        + ")\",\"max_results\":10}"),
                        html -> html.contains("id=\"compare-table\"") && html.contains("chart-compare"), "the comparison and a chart"),
                new UiPage("GET /health (reference)", "/health", Baseline.health(), html -> html.contains("UP"), "UP"));
    }

    /** The other sections' pages, over what the demo's loop left: each next to the JSON API call that reads the same thing. */
    static List<UiPage> storyPages(Demo.Outcome o) {
        String m = o.model();
        String d = o.dataset();
        String v = o.championVersion();
        Predicate<String> model = html -> html.contains(m);
        Predicate<String> dataset = html -> html.contains(d);
        return List.of(
                new UiPage("models list", "/ui/models",
                        new Baseline("registered-models/search", "/api/2.0/mlflow/registered-models/search?max_results=50", null), model, "the model"),
                new UiPage("model page (versions, aliases, card, gates)", "/ui/models/" + m,
                        new Baseline("registered-models/get", "/api/2.0/mlflow/registered-models/get?name=" + m, null), model, "the model"),
                new UiPage("model version page (card, gates, lineage)", "/ui/models/" + m + "/versions/" + v,
                        new Baseline("the version's card", "/api/v1/models/" + m + "/versions/" + v + "/card", null), model, "the model"),
                new UiPage("promotions queue", "/ui/promotions",
                        new Baseline("GET /api/v1/promotions", "/api/v1/promotions", null), model, "the requests"),
                new UiPage("promotion (gates, candidate vs champion)", "/ui/promotions/" + o.retrainingPromotionId(),
                        new Baseline("GET the promotion", "/api/v1/promotions/" + o.retrainingPromotionId(), null),
                        html -> html.contains("promotion-status"), "the request"),
                new UiPage("datasets list", "/ui/datasets", new Baseline("GET /api/v1/datasets", "/api/v1/datasets", null), dataset, "the dataset"),
                new UiPage("dataset page (versions)", "/ui/datasets/" + d,
                        new Baseline("the dataset's versions", "/api/v1/datasets/" + d + "/versions", null), dataset, "the dataset"),
                new UiPage("dataset version (profile, histograms)", "/ui/datasets/" + d + "/versions/1",
                        new Baseline("the version with its profile", "/api/v1/datasets/" + d + "/versions/1", null), dataset, "the dataset"),
                new UiPage("dataset diff of two versions", "/ui/datasets/" + d + "/diff?from=1&to=2",
                        new Baseline("the diff", "/api/v1/datasets/" + d + "/diff?from=1&to=2", null), dataset, "the dataset"),
                new UiPage("drift monitors", "/ui/drift", new Baseline("GET the monitors", "/api/v1/drift/monitors", null), model, "the monitor"),
                new UiPage("drift monitor (KS over time, histograms)", "/ui/drift/monitors/" + o.monitorId(),
                        new Baseline("the monitor's checks", "/api/v1/drift/monitors/" + o.monitorId() + "/checks", null), model, "the monitor"),
                new UiPage("retraining workflow (steps)", "/ui/drift/workflows/" + o.workflowId(),
                        new Baseline("GET the workflow", "/api/v1/workflows/" + o.workflowId(), null), model, "the workflow"),
                new UiPage("audit log", "/ui/audit", new Baseline("GET /api/v1/audit", "/api/v1/audit", null), model, "entries"),
                new UiPage("audit log filtered by model", "/ui/audit?model=" + m,
                        new Baseline("GET /api/v1/audit?model=", "/api/v1/audit?model=" + m, null), model, "entries"),
                new UiPage("serving", "/ui/serving", new Baseline("GET /serving/{model}", "/serving/" + m, null), model, "the endpoint"));
    }

    private static String searchBody(long experiment, String filter, String orderBy, String pageToken) {
        StringBuilder sb = new StringBuilder("{\"experiment_ids\":[\"").append(experiment).append("\"],\"max_results\":50");
        if (filter != null) {
            sb.append(",\"filter\":\"").append(filter.replace("\"", "\\\"")).append('"');
        }
        if (orderBy != null) {
            sb.append(",\"order_by\":[\"").append(orderBy).append("\"]");
        }
        if (pageToken != null) {
            sb.append(",\"page_token\":\"").append(pageToken).append('"');
        }
        return sb.append('}').toString();
    }

    /** A {@code loss} history: 100,000 points on the newest run, 1,000 on each of the next four, with their latest values. */
    private static void loadHistories(BenchDb db, SearchDataset data) throws Exception {
        int newest = data.runs() - 1;
        try (Connection c = db.open()) {
            try (CopyStream points = CopyStream.open(c, "metrics", SearchDataset.METRIC_COLUMNS)) {
                for (int r = 0; r < COMPARED_RUNS; r++) {
                    int n = r == 0 ? LONG_HISTORY_POINTS : SHORT_HISTORY_POINTS;
                    String id = data.runId(newest - r);
                    long t0 = SearchDataset.startTime(newest - r);
                    for (int step = 0; step < n; step++) {
                        points.row().append(id).append("\tloss\t").append(loss(step, r)).append('\t').append(t0 + step * 10L)
                                .append('\t').append(step).append("\tf");
                        points.endRow();
                    }
                }
                points.finish();
            }
            try (CopyStream latest = CopyStream.open(c, "latest_metrics", SearchDataset.METRIC_COLUMNS)) {
                for (int r = 0; r < COMPARED_RUNS; r++) {
                    int n = r == 0 ? LONG_HISTORY_POINTS : SHORT_HISTORY_POINTS;
                    latest.row().append(data.runId(newest - r)).append("\tloss\t").append(loss(n - 1, r)).append('\t')
                            .append(SearchDataset.startTime(newest - r) + (n - 1) * 10L).append('\t').append(n - 1).append("\tf");
                    latest.endRow();
                }
                latest.finish();
            }
        }
    }

    private static double loss(int step, int run) {
        return 1.0 / (1 + step * (0.01 + run * 0.002)) + 0.001 * (step % 7);
    }

    private void signIn(String user, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/ui/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = COOKIE.matcher(String.join(";", r.headers().allValues("set-cookie")));
        if (r.statusCode() != 303 || !m.find()) {
            throw new IllegalStateException("sign-in answered " + r.statusCode() + " without a session cookie");
        }
        cookie = "ballast_session=" + m.group(1);
    }

    private Figure measure(UiPage page, int warmup, int timed, List<String> notes) throws Exception {
        Progress.log("ui: " + page.name());
        byte[] first = page(page.path());
        String html = new String(first, StandardCharsets.UTF_8);
        if (!page.looksRight().test(html)) {
            throw new IllegalStateException(page.name() + " (" + page.path() + ") does not show " + page.expectation() + ": "
                    + (html.length() > 600 ? html.substring(0, 600) + "..." : html));
        }
        baseline(page.baseline());
        for (int i = 0; i < warmup; i++) {
            page(page.path());
            baseline(page.baseline());
        }
        long[] ui = new long[timed];
        long[] base = new long[timed];
        for (int i = 0; i < timed; i++) {
            long t0 = System.nanoTime();
            page(page.path());
            ui[i] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            baseline(page.baseline());
            base[i] = System.nanoTime() - t0;
        }
        Latencies u = new Latencies(ui);
        Latencies b = new Latencies(base);
        notes.add(String.format("%s: `GET %s`, %s of HTML; baseline %s.", page.name(), page.path().length() > 90
                ? page.path().substring(0, 90) + "..." : page.path(), Fmt.bytes(first.length), page.baseline().label()));
        return new Figure(page.name() + ", p50 / p95 / max",
                Fmt.millis(u.median()) + " / " + Fmt.millis(u.p95()) + " / " + Fmt.millis(u.max()),
                Fmt.millis(b.median()) + " / " + Fmt.millis(b.p95()) + " (" + page.baseline().label() + ")",
                Fmt.timesOf(u.median(), b.median()),
                "p95 < 100 ms", Figure.Verdict.of(u.p95() < TARGET_NANOS));
    }

    private byte[] page(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Cookie", cookie)
                .timeout(Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    private void baseline(Baseline b) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + b.path())).header("Authorization", adminAuth)
                .timeout(Duration.ofMinutes(1));
        if (b.body() != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(b.body()));
        }
        HttpResponse<byte[]> r = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(b.label() + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
