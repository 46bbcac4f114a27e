package dev.ballast.platform.ui;

import dev.ballast.platform.registry.DriftMonitorFixture;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import dev.ballast.tracking.app.dataset.DatasetService;
import dev.ballast.tracking.domain.dataset.Dataset;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dataset and drift pages over plain HTTP, on one server: what each page shows from the real
 * API's data (versions newest first and paged, profiles with histogram chart data, diffs, lineage
 * to runs and model versions, monitors with verdicts, series and histograms in the chart JSON,
 * workflows with their steps), escaping of user text, empty states and 404 pages.
 */
class DataPagesIT {
    private static final String EVIL = "<script>alert(1)</script>";
    private static final Pattern CHART = Pattern.compile("<script type=\"application/json\" id=\"([^\"]+)\">(.*?)</script>", Pattern.DOTALL);

    private static BallastTestServer server;
    private static DriftMonitorFixture dm;
    private static UiSession ui;
    private static String emptyDatasets;
    private static String emptyDrift;
    private static String model;
    private static String runId;
    private static long monitor;
    private static long calmCheck;
    private static long driftCheck;

    @BeforeAll
    static void start() throws Exception {
        server = BallastTestServer.start(Map.of("ballast.serving.sync-interval", "200ms", "ballast.serving.capture.flush-interval", "100ms"));
        dm = new DriftMonitorFixture(server, "pages");
        ui = UiSession.signIn(server, "pages-engineer", "pages-engineer-password-123");
        emptyDatasets = ui.get("/ui/datasets").body();
        emptyDrift = ui.get("/ui/drift").body();

        dm.upload("sales", "id,amount,city\n1,10.5,Oslo\n2,20.0,Bergen\n3,30.25,Oslo\n");
        uploadVersion("sales", "id,amount,city,channel\n1,10.5,Oslo,web\n2,20.0,Bergen,shop\n3,31.0,Oslo,web\n4,40.0,Tromsø,web\n",
                EVIL + " adds a channel");

        model = dm.servedModelWithLineage("pages");
        runId = (String) ((Map<?, ?>) server.get("/api/2.0/mlflow/model-versions/get?name=" + model + "&version=1", dm.fx.engineer)
                .json().get("model_version")).get("run_id");
        dm.serveBatch(model, 150, 0.0, 31);
        dm.awaitCaptured(model, 150);
        monitor = dm.createMonitor("{\"model\":\"" + model + "\",\"current_rows\":150}");
        calmCheck = ((Number) dm.check(monitor).get("id")).longValue();
        dm.serveBatch(model, 150, 1.5, 32);
        dm.awaitCaptured(model, 300);
        driftCheck = ((Number) dm.check(monitor).get("id")).longValue();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void emptyStatesSayHowToStart() {
        assertTrue(emptyDatasets.contains("class=\"empty\"") && emptyDatasets.contains("/api/v1/datasets/churn/versions"), emptyDatasets);
        assertTrue(emptyDrift.contains("No drift monitors yet") && emptyDrift.contains("/api/v1/drift/monitors"), emptyDrift);
    }

    @Test
    void theDatasetListShowsEachDatasetsLatestVersionAndSearches() {
        TestResponse list = ui.get("/ui/datasets");
        assertEquals(200, list.status());
        String row = rowOf(list.body(), "href=\"/ui/datasets/sales\"");
        assertTrue(row.contains("href=\"/ui/datasets/sales/versions/2\""), row);
        assertTrue(row.contains(">2<"), "two versions: " + row);
        assertTrue(row.contains(">4<"), "rows of the latest version: " + row);

        String found = ui.get("/ui/datasets?q=ale").body();
        assertTrue(found.contains("href=\"/ui/datasets/sales\""), found);
        assertFalse(found.contains("href=\"/ui/datasets/" + DriftMonitorFixture.datasetOf(model) + "\""), found);
        String none = ui.get("/ui/datasets?q=" + URLEncoder.encode("<b>nothing", StandardCharsets.UTF_8)).body();
        assertTrue(none.contains("No dataset name contains") && none.contains("&lt;b&gt;nothing"), none);
    }

    @Test
    void theVersionsAreListedNewestFirstWithTheirMessageEscaped() {
        TestResponse page = ui.get("/ui/datasets/sales");
        assertEquals(200, page.status());
        String body = page.body();
        int v2 = body.indexOf("href=\"/ui/datasets/sales/versions/2\"");
        int v1 = body.indexOf("href=\"/ui/datasets/sales/versions/1\"");
        assertTrue(v2 > 0 && v1 > v2, "newest first");
        assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt; adds a channel"), body);
        assertFalse(body.contains(EVIL), "the message is shown as text, never as markup");
        assertTrue(body.contains("name=\"from\"") && body.contains("name=\"to\"") && body.contains("action=\"/ui/datasets/sales/diff\""), body);
        assertTrue(selected(body, "diff-from").equals("1") && selected(body, "diff-to").equals("2"), "the two newest versions are preselected");
        assertTrue(rowOf(body, "href=\"/ui/datasets/sales/versions/2\"").contains("<td>pages-engineer</td>"), "the author is shown");
    }

    @Test
    void versionsArePagedTwentyAtATime() throws Exception {
        dm.upload("paged", "n\n0\n");
        for (int i = 1; i <= 21; i++) {
            uploadVersion("paged", "n\n" + i + "\n", "version with " + i);
        }
        String first = ui.get("/ui/datasets/paged").body();
        assertTrue(first.contains("/ui/datasets/paged/versions/22\"") && first.contains("/ui/datasets/paged/versions/3\""), first);
        assertFalse(first.contains("/ui/datasets/paged/versions/2\""), "the 21st newest is on the next page");
        assertTrue(first.contains("href=\"/ui/datasets/paged?page=2\""), first);
        String second = ui.get("/ui/datasets/paged?page=2").body();
        assertTrue(second.contains("/ui/datasets/paged/versions/2\"") && second.contains("/ui/datasets/paged/versions/1\""), second);
        assertFalse(second.contains("/ui/datasets/paged/versions/3\""), second);
        assertEquals(400, ui.get("/ui/datasets/paged?page=zero").status());

        DatasetService datasets = server.context().getBean(DatasetService.class);
        List<DatasetVersion> page = datasets.versions("paged", 5, 2);
        assertEquals(List.of(20, 19, 18, 17, 16), page.stream().map(DatasetVersion::number).toList());
        List<Dataset> all = datasets.list(null, 100, 0);
        Map<String, DatasetVersion> latest = datasets.latestVersions(all);
        assertEquals(22, latest.get("paged").number());
        assertEquals(2, latest.get("sales").number());
    }

    @Test
    void aVersionShowsItsProfileWithHistogramsAndItsLineage() throws Exception {
        String dataset = DriftMonitorFixture.datasetOf(model);
        TestResponse page = ui.get("/ui/datasets/" + dataset + "/versions/1");
        assertEquals(200, page.status());
        String body = page.body();
        for (String column : List.of("x1", "x2", "y")) {
            assertTrue(body.contains("aria-label=\"Column " + column + "\""), column);
        }
        Map<String, String> charts = charts(body);
        String x1 = charts.get("chart-col-0");
        assertNotNull(x1, charts.keySet().toString());
        assertTrue(x1.startsWith("{\"kind\":\"bars\"") && x1.contains("\"label\":\"rows\""), x1);
        assertTrue(body.contains("href=\"/ui/runs/" + runId + "\""), "the run that trained on it");
        assertTrue(body.contains("href=\"/ui/models/" + model + "/versions/1\""), "the model version from that run");

        TestResponse download = ui.get("/ui/datasets/" + dataset + "/versions/1/content");
        assertEquals(200, download.status());
        assertEquals(DriftMonitorFixture.trainingCsv(), download.body());

        String text = ui.get("/ui/datasets/sales/versions/2").body();
        assertTrue(text.contains("Most frequent values") && text.contains("Tromsø"), "top values of a text column");
        assertTrue(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !text.contains(EVIL));
    }

    @Test
    void theDiffShowsRowSchemaAndStatisticChanges() {
        TestResponse page = ui.get("/ui/datasets/sales/diff?from=1&to=2");
        assertEquals(200, page.status());
        String body = page.body();
        assertTrue(body.contains("Added column <code>channel</code>"), body);
        assertTrue(body.contains("<dt>Added</dt><dd class=\"diff\">"), "rows were added: " + body);
        String amount = body.substring(body.indexOf("aria-label=\"Column amount\""));
        amount = amount.substring(0, amount.indexOf("</section>"));
        assertTrue(amount.contains("badge warn\">changed"), amount);
        assertTrue(amount.contains("<tr class=\"diff\">"), "the changed statistics are highlighted: " + amount);
        String id = body.substring(body.indexOf("aria-label=\"Column id\""));
        id = id.substring(0, id.indexOf("</section>"));
        assertTrue(id.contains("<td>count</td>"), id);

        assertTrue(selected(body, "diff-from").equals("1") && selected(body, "diff-to").equals("2"), "the compared versions stay chosen");
        String form = ui.get("/ui/datasets/sales/diff").body();
        assertTrue(form.contains("Choose the two versions to compare"), form);
    }

    @Test
    void unknownDatasetsAndVersionsAreNotFoundPages() {
        TestResponse missing = ui.get("/ui/datasets/no-such-dataset");
        assertEquals(404, missing.status());
        assertTrue(missing.header("content-type").startsWith("text/html"), missing.headers().toString());
        assertTrue(missing.body().contains("Dataset &#39;no-such-dataset&#39; does not exist."), missing.body());
        assertEquals(404, ui.get("/ui/datasets/sales/versions/9").status());
        assertEquals(404, ui.get("/ui/datasets/sales/diff?from=1&to=9").status());
        assertEquals(404, ui.get("/ui/drift/monitors/987654").status());
        assertEquals(404, ui.get("/ui/drift/workflows/987654").status());
    }

    @Test
    void theDriftOverviewListsTheMonitorWithItsLatestVerdict() {
        String body = ui.get("/ui/drift").body();
        String row = rowOf(body, "href=\"/ui/drift/monitors/" + monitor + "\"");
        assertTrue(row.contains("href=\"/ui/models/" + model + "\""), row);
        assertTrue(row.contains("class=\"badge drift\""), "the newest check found drift: " + row);
        assertTrue(row.contains(">2<"), "two features tested: " + row);
        assertTrue(row.contains("on demand only") && row.contains("active"), row);
    }

    @Test
    void theMonitorPageChartsTheMostDriftedFeatureAndTheNewestChecksHistograms() {
        TestResponse page = ui.get("/ui/drift/monitors/" + monitor);
        assertEquals(200, page.status());
        String body = page.body();
        assertTrue(body.contains("<option value=\"x1\" selected=\"selected\">x1</option>"), "x1 was shifted, so it is shown first: " + body);
        Map<String, String> charts = charts(body);
        String ks = charts.get("chart-ks");
        assertTrue(ks.contains("\"time\":true") && ks.contains("\"label\":\"KS statistic D\""), ks);
        assertEquals(2, values(ks, 0).size(), "one point per check: " + ks);
        assertTrue(values(ks, 0).get(1) > values(ks, 0).get(0), "D grows when x1 shifts: " + ks);
        String p = charts.get("chart-p");
        assertTrue(p.contains("\"label\":\"p-value\"") && p.contains("\"label\":\"adjusted p-value\""), p);
        String hist = charts.get("chart-hist");
        assertTrue(hist.contains("\"kind\":\"bars\"") && hist.contains("\"label\":\"reference\"") && hist.contains("\"label\":\"current\""), hist);
        assertEquals(20, values(hist, 0).size(), hist);
        assertEquals(1.0, values(hist, 1).stream().mapToDouble(Double::doubleValue).sum(), 1e-9, "shares of the current rows");
        assertTrue(body.contains("data-check=\"" + driftCheck + "\""), "the newest check's histograms");
        assertTrue(body.contains("hx-get=\"/ui/drift/monitors/" + monitor + "/series\""), body);

        String checks = body.substring(body.indexOf("<table class=\"checks\">"));
        assertTrue(checks.indexOf("check=" + driftCheck) < checks.indexOf("check=" + calmCheck), "newest check first");
    }

    @Test
    void theChartFragmentsAnswerForAnotherFeatureOrCheck() {
        TestResponse series = ui.get("/ui/drift/monitors/" + monitor + "/series?feature=x2");
        assertEquals(200, series.status());
        assertFalse(series.body().contains("<html"), "a fragment for htmx");
        String ks = charts(series.body()).get("chart-ks");
        assertEquals(2, values(ks, 0).size(), ks);
        assertTrue(series.body().contains("data-feature=\"x2\""), series.body());

        TestResponse hist = ui.get("/ui/drift/monitors/" + monitor + "/histogram?check=" + calmCheck + "&feature=x2");
        assertEquals(200, hist.status());
        assertTrue(hist.body().contains("data-check=\"" + calmCheck + "\"") && hist.body().contains("data-feature=\"x2\""), hist.body());
        String json = charts(hist.body()).get("chart-hist");
        assertTrue(json.contains("\"label\":\"reference\"") && json.contains("\"label\":\"current\""), json);

        TestResponse unknown = ui.get("/ui/drift/monitors/" + monitor + "/histogram?check=" + calmCheck + "&feature=" + URLEncoder.encode(EVIL,
                StandardCharsets.UTF_8));
        assertEquals(200, unknown.status());
        assertTrue(unknown.body().contains("has no histogram of <code>&lt;script&gt;"), unknown.body());
        assertEquals(400, ui.get("/ui/drift/monitors/" + monitor + "/series").status());
        assertEquals(404, ui.get("/ui/drift/monitors/" + monitor + "/histogram?check=987654").status());
    }

    @Test
    void theDriftCheckLinksTheRetrainingWorkflowItStartedWithItsSteps() {
        Map<?, ?> stored = (Map<?, ?>) dm.checks(monitor).get(0);
        assertEquals(driftCheck, ((Number) stored.get("id")).longValue());
        String body = ui.get("/ui/drift/monitors/" + monitor).body();
        Object workflowId = stored.get("workflow_id");
        assertNotNull(workflowId, "the default policy retrains on drift: " + stored.get("retraining"));
        long workflow = ((Number) workflowId).longValue();
        assertTrue(body.contains("href=\"/ui/drift/workflows/" + workflow + "\""), body);

        String page = ui.get("/ui/drift/workflows/" + workflow).body();
        assertTrue(page.contains("check #<span>" + driftCheck + "</span>"), "the trigger: " + page);
        assertTrue(page.contains("href=\"/ui/drift/monitors/" + monitor + "?check=" + driftCheck + "#histograms\""), page);
        for (String step : List.of("choose data", "train", "log run", "register version", "evaluate gates", "open promotion")) {
            assertTrue(page.contains("<td>" + step + "</td>"), step + " in " + page);
        }
        assertTrue(page.contains("target alias") && page.contains("secret set") && !page.contains(">secret<"), "policy without its secret");
        assertTrue(ui.get("/ui/drift").body().contains("href=\"/ui/drift/workflows/" + workflow + "\""), "recent workflows");
    }

    /** The value of the selected option of the select with this id. */
    private static String selected(String html, String selectId) {
        String select = html.substring(html.indexOf("id=\"" + selectId + "\""));
        select = select.substring(0, select.indexOf("</select>"));
        int at = select.indexOf(" selected=\"selected\"");
        assertTrue(at > 0, "an option of " + selectId + " is selected: " + select);
        String before = select.substring(0, at);
        String value = before.substring(before.lastIndexOf("value=\"") + 7);
        return value.substring(0, value.indexOf('"'));
    }

    private static void uploadVersion(String dataset, String csv, String message) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/v1/datasets/" + dataset + "/versions?message="
                        + URLEncoder.encode(message, StandardCharsets.UTF_8)))
                .header("Authorization", dm.fx.engineer).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    /** The table row that contains {@code marker}. */
    private static String rowOf(String html, String marker) {
        int at = html.indexOf(marker);
        assertTrue(at > 0, marker + " in " + html);
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    /** Chart JSON by script id. */
    static Map<String, String> charts(String html) {
        Map<String, String> charts = new java.util.HashMap<>();
        Matcher m = CHART.matcher(html);
        while (m.find()) {
            charts.put(m.group(1), m.group(2));
        }
        return charts;
    }

    /** The values of the chart's series {@code index} (gaps left out). */
    static List<Double> values(String chartJson, int index) {
        Map<?, ?> chart = (Map<?, ?>) new org.yaml.snakeyaml.Yaml().load(chartJson);
        List<?> values = (List<?>) ((Map<?, ?>) ((List<?>) chart.get("series")).get(index)).get("values");
        return values.stream().filter(v -> v != null).map(v -> ((Number) v).doubleValue()).toList();
    }
}
