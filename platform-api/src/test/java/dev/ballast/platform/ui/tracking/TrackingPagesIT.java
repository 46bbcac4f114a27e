package dev.ballast.platform.ui.tracking;

import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import dev.ballast.platform.ui.UiSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service.ViewType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tracking pages over plain HTTP, signed in as an engineer: the runs table's columns, sorting,
 * MLflow filter and paging; the run page's content, chart data and artifact downloads; the
 * compare page; and escaping of what training code logged.
 */
class TrackingPagesIT {
    private static final Pattern ROW = Pattern.compile("<tr data-run-id=\"([0-9a-f]{32})\"");
    private static final Pattern NEXT = Pattern.compile("<a href=\"([^\"]+)\"[^>]*rel=\"next\"");

    private static BallastTestServer server;
    private static TrackingUiFixture data;
    private static UiSession ui;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
        server.createUser("pages-engineer", "ENGINEER");
        data = new TrackingUiFixture(server);
        ui = UiSession.signIn(server, "pages-engineer", "pages-engineer-password-123");
    }

    @AfterAll
    static void stop() {
        if (data != null) {
            data.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static TestResponse ok(String path) {
        TestResponse r = ui.get(path);
        assertEquals(200, r.status(), () -> path + " answered " + r.status() + ": " + r.body());
        return r;
    }

    private static List<String> rowIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static List<String> rowNames(String html) {
        return rowIds(html).stream().map(data.names::get).toList();
    }

    private static String thead(String html) {
        int start = html.indexOf("<thead>");
        return start < 0 ? "" : html.substring(start, html.indexOf("</thead>", start));
    }

    @Test
    void theRunsTableShowsDefaultAndChosenColumnsAndPagesOfFifty() {
        String html = ok(data.runsPath()).body();
        assertTrue(html.contains(data.experimentName), "the experiment's name is the heading");
        String head = thead(html);
        for (String column : List.of("Run", "Status", "Started", "Duration", "User", "acc", "rmse", "lr", "model", "note")) {
            assertTrue(head.contains(">" + column + "<"), "default columns include " + column + ": " + head);
        }
        assertTrue(html.contains("name=\"metric\" value=\"rmse\""), "the column chooser offers the experiment's metric keys");
        assertTrue(html.contains("name=\"param\" value=\"model\""), "and its param keys");
        List<String> ids = rowIds(html);
        assertEquals(50, ids.size(), "first page of 50");
        assertEquals(data.scriptRun, ids.get(0), "newest first by default");
        assertTrue(html.contains("href=\"/ui/runs/" + data.plainRuns.get(54) + "\""), "run names link to the run page");
        assertTrue(html.contains("aria-sort=\"descending\""), "the default sort (start time, newest first) is announced");

        String chosen = ok(data.runsPath() + "?cols=1&metric=acc&param=model").body();
        String chosenHead = thead(chosen);
        assertTrue(chosenHead.contains(">acc<") && chosenHead.contains(">model<"), chosenHead);
        assertFalse(chosenHead.contains(">rmse<") || chosenHead.contains(">lr<"), "only the chosen columns: " + chosenHead);
        assertTrue(chosen.contains("type=\"hidden\" form=\"runs-filter\" name=\"metric\" value=\"acc\""),
                "filtering keeps the chosen columns");
    }

    @Test
    void sortsByAMetricAParamAndAnAttributeInTheDatabaseOrder() {
        String filter = "&filter=" + enc("attributes.run_name LIKE 'run-%'");
        List<String> asc = rowNames(ok(data.runsPath() + "?sort=metric:rmse&dir=asc" + filter).body());
        assertEquals("run-00", asc.get(0));
        assertEquals("run-49", asc.get(49));
        String descHtml = ok(data.runsPath() + "?sort=metric:rmse&dir=desc" + filter).body();
        assertEquals("run-54", rowNames(descHtml).get(0));
        assertTrue(descHtml.contains("aria-sort=\"descending\""));

        List<String> byParam = rowNames(ok(data.runsPath() + "?sort=param:lr&dir=desc" + filter).body());
        assertEquals(List.of("run-54", "run-53", "run-52"), byParam.subList(0, 3));
        List<String> byName = rowNames(ok(data.runsPath() + "?sort=attr:run_name&dir=asc" + filter).body());
        assertEquals(List.of("run-00", "run-01", "run-02"), byName.subList(0, 3));

        TestResponse bad = ui.get(data.runsPath() + "?sort=attr:artifact_uri");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("Cannot sort runs by"), bad.body());
    }

    @Test
    void theFilterMeansWhatItMeansToTheMlflowApi() {
        String filter = "params.model = 'tree' and metrics.rmse < 0.1";
        String html = ok(data.runsPath() + "?filter=" + enc(filter)).body();
        Set<String> shown = new HashSet<>(rowIds(html));
        Set<String> api = new HashSet<>();
        data.client.searchRuns(List.of(data.experimentId), filter, ViewType.ACTIVE_ONLY, 1000).getItems()
                .forEach(r -> api.add(r.getInfo().getRunId()));
        assertEquals(Set.of("run-00", "run-02", "run-04", "run-06", "run-08"), new HashSet<>(shown.stream().map(data.names::get).toList()));
        assertEquals(api, shown);
        assertTrue(html.contains("value=\"" + "params.model = &#39;tree&#39; and metrics.rmse &lt; 0.1\""), "the box keeps the filter");

        String none = ok(data.runsPath() + "?filter=" + enc("metrics.rmse > 5")).body();
        assertTrue(none.contains("No run matches this filter"), "an empty result says what to do");
    }

    @Test
    void aFilterTheParserRefusesIs400WithItsMessageNextToTheBox() {
        String filter = "metrics.rmse <<< 1";
        TestResponse api = server.postJson("/api/2.0/mlflow/runs/search",
                "{\"experiment_ids\":[\"" + data.experimentId + "\"],\"filter\":\"" + filter + "\"}", server.adminAuth());
        assertEquals(400, api.status());
        String message = String.valueOf(api.json().get("message"));

        TestResponse page = ui.get(data.runsPath() + "?filter=" + enc(filter));
        assertEquals(400, page.status());
        assertTrue(page.body().contains("id=\"search-error\""), page.body());
        assertTrue(page.body().contains(escape(message)), "the parser's own message: " + message);
        assertTrue(page.body().indexOf("id=\"runs-filter\"") < page.body().indexOf("id=\"search-error\""), "shown under the box");

        TestResponse htmx = ui.get(data.runsPath() + "?filter=" + enc(filter),
                Map.of("HX-Request", "true", "HX-Target", "runs-results"));
        assertEquals(400, htmx.status());
        assertTrue(htmx.body().startsWith("<section id=\"runs-results\""), "an htmx request gets only the results: " + htmx.body());
        assertTrue(htmx.body().contains("form-error") && htmx.body().contains(escape(message)));
        assertFalse(htmx.body().contains("class=\"topbar\""));
    }

    @Test
    void pagesFollowTheNextLinkUntilEveryRunWasShownOnce() {
        String html = ok(data.runsPath() + "?sort=metric:rmse&dir=asc").body();
        List<String> all = new ArrayList<>(rowIds(html));
        Matcher next = NEXT.matcher(html);
        assertTrue(next.find(), "a next page");
        String second = ok(next.group(1).replace("&amp;", "&")).body();
        all.addAll(rowIds(second));
        assertFalse(NEXT.matcher(second).find(), "two pages hold them all");
        assertTrue(second.contains("rel=\"prev\""));
        assertEquals(data.names.size(), all.size());
        assertEquals(data.names.keySet(), new HashSet<>(all));
        assertTrue(second.contains("Runs 51–57"), "the page says which rows it shows");
    }

    @Test
    void theRunPageShowsFactsParamsMetricsAndADownsampledHistory() {
        String html = ok("/ui/runs/" + data.historyRun).body();
        assertTrue(html.contains(">long-history<"));
        assertTrue(html.contains("href=\"/ui/experiments/" + data.experimentId + "/runs\""), "links back to its experiment");
        assertTrue(html.contains(">lr</td><td class=\"value\">0.5</td>"), "params table");
        assertTrue(html.contains("id=\"metrics-table\"") && html.contains(">loss</a>"), "latest metrics table");
        String json = chartJson(html, "chart-run");
        assertTrue(json.contains("\"label\":\"acc\""), "the first metric is charted by default: " + json);

        String loss = ok("/ui/runs/" + data.historyRun + "?metric=loss&metric=acc").body();
        String lossJson = chartJson(loss, "chart-run");
        assertTrue(lossJson.contains("\"label\":\"loss\"") && lossJson.contains("\"label\":\"acc\""), "two metrics on one chart");
        int xs = lossJson.substring(lossJson.indexOf("\"x\":[") + 5, lossJson.indexOf(']', lossJson.indexOf("\"x\":["))).split(",").length;
        assertTrue(xs <= 1001 && xs > 500, "3,000 points reduced to at most 1,000 buckets (+ acc's step): " + xs);
        assertTrue(loss.contains("loss: 3,000 points, drawn as 1,000 means of 3 steps each."), "the page says so");

        String byTime = ok("/ui/runs/" + data.historyRun + "?metric=loss&x=time").body();
        String timeJson = chartJson(byTime, "chart-run");
        assertTrue(timeJson.contains("\"time\":true") && timeJson.contains("\"x\":[1700000000,"), timeJson.substring(0, 120));

        TestResponse partial = ui.get("/ui/runs/" + data.historyRun + "?metric=loss",
                Map.of("HX-Request", "true", "HX-Target", "chart-panel"));
        assertEquals(200, partial.status());
        assertTrue(partial.body().startsWith("<section id=\"chart-panel\""), "the chart form swaps only the chart");

        assertEquals(404, ui.get("/ui/runs/" + "0".repeat(32)).status());
        assertEquals(400, ui.get("/ui/runs/" + data.historyRun + "?x=sideways").status());

        // The reduction of a long history is reused only while the history has not grown.
        assertTrue(ok("/ui/runs/" + data.historyRun + "?metric=loss").body().contains("loss: 3,000 points"));
        data.client.logMetric(data.historyRun, "loss", 0.001, 1_800_000_000_000L, 3_000);
        assertTrue(ok("/ui/runs/" + data.historyRun + "?metric=loss").body().contains("loss: 3,001 points"),
                "a point logged after the first view is in the next one");
    }

    @Test
    void artifactsAreBrowsedAndDownloadedAndPathsOutsideTheRunAreRefused() {
        String html = ok("/ui/runs/" + data.historyRun).body();
        assertTrue(html.contains(">model/<") && html.contains(">notes.txt<"), "the root level");
        String folder = ok("/ui/runs/" + data.historyRun + "?path=model").body();
        assertTrue(folder.contains(">weights.bin<"), "a folder opens");
        assertTrue(folder.contains("href=\"/ui/runs/" + data.historyRun + "/artifact?path=model%2Fweights.bin\""), "with a download link");

        TestResponse file = ok("/ui/runs/" + data.historyRun + "/artifact?path=" + enc("model/weights.bin"));
        assertEquals("weights-bytes-0123456789", file.body());
        assertTrue(file.header("Content-Disposition").startsWith("attachment"), file.header("Content-Disposition"));
        assertTrue(file.header("Content-Disposition").contains("weights.bin"));
        assertEquals("nosniff", file.header("X-Content-Type-Options"));

        String other = data.plainRuns.get(0);
        for (String path : List.of("../../" + other + "/artifacts/x", "model/../../../x", "/etc/passwd", "model//weights.bin")) {
            assertEquals(400, ui.get("/ui/runs/" + data.historyRun + "/artifact?path=" + enc(path)).status(), path);
        }
        assertEquals(400, ui.get("/ui/runs/" + data.historyRun + "?path=" + enc("../..")).status(), "listing too");
        assertEquals(404, ui.get("/ui/runs/" + data.historyRun + "/artifact?path=missing.txt").status());
    }

    @Test
    void compareShowsTwoRunsSideBySideWithDifferencesHighlighted() {
        String a = data.plainRuns.get(0);
        String b = data.plainRuns.get(2);
        String html = ok("/ui/compare?run=" + a + "&run=" + b).body();
        assertTrue(html.contains(">run-00<") && html.contains(">run-02<"));
        assertTrue(Pattern.compile("<tr data-kind=\"param\" class=\"diff\">\\s*<th scope=\"row\">lr</th>").matcher(html).find(),
                "lr differs: " + html);
        assertTrue(Pattern.compile("<tr data-kind=\"param\">\\s*<th scope=\"row\">model</th>").matcher(html).find(),
                "model is the same, not highlighted");
        assertTrue(Pattern.compile("<tr data-kind=\"metric\" class=\"diff\">\\s*<th scope=\"row\">rmse</th>").matcher(html).find());
        String json = chartJson(html, "chart-compare");
        assertTrue(json.contains("\"label\":\"run-00\"") && json.contains("\"label\":\"run-02\""), "one series per run: " + json);

        String onlyDiff = ok("/ui/compare?run=" + a + "&run=" + b + "&only=diff").body();
        assertFalse(onlyDiff.contains("<th scope=\"row\">model</th>"), "only differences");
        assertTrue(onlyDiff.contains("<th scope=\"row\">lr</th>"));
    }

    @Test
    void compareRefusesOneRunAndElevenRuns() {
        TestResponse one = ui.get("/ui/compare?run=" + data.plainRuns.get(0));
        assertEquals(400, one.status());
        assertTrue(one.body().contains("Compare needs 2 to 10 different runs; 1 was chosen"), one.body());
        StringBuilder eleven = new StringBuilder("/ui/compare?");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : "&").append("run=").append(data.plainRuns.get(i));
        }
        TestResponse many = ui.get(eleven.toString());
        assertEquals(400, many.status());
        assertTrue(many.body().contains("11 were chosen"), many.body());
        assertEquals(404, ui.get("/ui/compare?run=" + data.plainRuns.get(0) + "&run=" + "f".repeat(32)).status());
    }

    @Test
    void scriptInARunNameOrParamValueIsShownAsText() {
        String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
        List<String> pages = List.of(
                data.runsPath(),
                data.runsPath() + "?sort=metric:rmse&dir=desc",
                "/ui/runs/" + data.scriptRun,
                "/ui/compare?run=" + data.scriptRun + "&run=" + data.plainRuns.get(0));
        for (String path : pages) {
            String html = ok(path).body();
            assertFalse(html.contains(TrackingUiFixture.SCRIPT), path + " holds the raw script tag");
            assertTrue(html.contains(escaped), path + " shows it as text");
        }
        String json = chartJson(ok("/ui/compare?run=" + data.scriptRun + "&run=" + data.plainRuns.get(0)).body(), "chart-compare");
        assertTrue(json.contains("\\u003cscript\\u003e"), "chart labels are escaped inside the script element: " + json);
    }

    private static String chartJson(String html, String id) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"" + id + "\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "chart " + id + " in the page");
        String json = m.group(1);
        assertNotNull(json);
        return json;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
