package dev.ballast.ui.tracking;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.tracking.app.ArtifactService;
import dev.ballast.tracking.app.ExperimentService;
import dev.ballast.tracking.app.MetricHistorySampler;
import dev.ballast.tracking.app.MetricHistorySampler.Axis;
import dev.ballast.tracking.app.RunService;
import dev.ballast.tracking.app.dataset.DatasetLineage;
import dev.ballast.tracking.domain.ArtifactFile;
import dev.ballast.tracking.domain.ArtifactStore;
import dev.ballast.tracking.domain.Metric;
import dev.ballast.tracking.domain.Run;
import dev.ballast.ui.shell.PageModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One run: its facts, params, latest metrics, metric history chart (several metrics on one chart,
 * by step or wall-clock time, long histories reduced in the database), tags, dataset inputs linked
 * to their Ballast dataset versions, the model versions made from it, and an artifact browser
 * whose downloads are streamed as attachments.
 */
@Hidden
@Controller("/ui/runs/{runId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RunPage {
    /** At most this many metrics share one chart. */
    static final int MAX_CHART_METRICS = 10;
    static final String CHART_ID = "chart-panel";

    private final RunService runs;
    private final ExperimentService experiments;
    private final MetricHistorySampler histories;
    private final DatasetLineage lineage;
    private final ArtifactService artifacts;

    public RunPage(RunService runs, ExperimentService experiments, MetricHistorySampler histories, DatasetLineage lineage,
                   ArtifactService artifacts) {
        this.runs = runs;
        this.experiments = experiments;
        this.histories = histories;
        this.lineage = lineage;
        this.artifacts = artifacts;
    }

    /** A level of the artifact path, for the browser's breadcrumbs. */
    public record PathPart(String name, String link) {
    }

    /** A listed artifact: its name within the directory, and the link that opens (directory) or downloads (file) it. */
    public record ArtifactEntry(String name, boolean directory, Long size, String link) {
    }

    @Get
    public ModelAndView<PageModel> run(HttpRequest<?> request, @PathVariable String runId, @QueryValue @Nullable List<String> metric,
                                       @QueryValue @Nullable String x, @QueryValue @Nullable String path) {
        Run run = runs.get(runId);
        Axis axis = MetricChart.axis(x);
        List<String> chartKeys = chartKeys(run, metric);
        PageModel model = PageModel.of("experiments").with("run", run).with("axis", axis.name().toLowerCase(java.util.Locale.ROOT))
                .with("chartKeys", chartKeys);
        addChart(model, run, chartKeys, axis);
        if (CHART_ID.equals(request.getHeaders().get("HX-Target")) && !request.getHeaders().contains("HX-History-Restore-Request")) {
            return new ModelAndView<>("tracking/run-chart", model);
        }
        model.with("experiment", experiments.get(run.info().experimentId()))
                .with("duration", RunsTable.duration(run.info()))
                .with("lineage", lineage.ofRun(run.info().runId()));
        addArtifacts(model, run, path == null ? "" : path);
        return new ModelAndView<>("tracking/run", model);
    }

    /** Streams one artifact of the run as a download; paths are relative to the run's artifact root. */
    @Get("/artifact")
    public HttpResponse<StreamedFile> download(@PathVariable String runId, @QueryValue @Nullable String path) {
        if (path == null || path.isBlank()) {
            throw BallastException.invalid("Which artifact? Give its path relative to the run's artifact root.");
        }
        Run run = runs.get(runId);
        String root = ArtifactService.storePath(run.info().artifactUri());
        ArtifactStore.Download file = artifacts.download(root.isEmpty() ? path : root + "/" + path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        StreamedFile body = new StreamedFile(file.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE, file.lastModified(), file.size())
                .attach(name);
        // Never let a browser render an uploaded file (HTML, SVG) as part of Ballast's own origin.
        return HttpResponse.ok(body).header("X-Content-Type-Options", "nosniff");
    }

    private static List<String> chartKeys(Run run, List<String> asked) {
        Set<String> keys = new LinkedHashSet<>();
        if (asked != null) {
            asked.stream().filter(k -> k != null && !k.isBlank()).forEach(keys::add);
        }
        if (keys.isEmpty() && !run.latestMetrics().isEmpty()) {
            keys.add(run.latestMetrics().get(0).key());
        }
        if (keys.size() > MAX_CHART_METRICS) {
            throw BallastException.invalid("Choose at most " + MAX_CHART_METRICS + " metrics for one chart.");
        }
        return List.copyOf(keys);
    }

    private void addChart(PageModel model, Run run, List<String> keys, Axis axis) {
        List<MetricChart.Labeled> series = new ArrayList<>();
        for (String key : keys) {
            series.add(new MetricChart.Labeled(key, histories.sample(run.info().runId(), key, axis, MetricChart.POINTS_PER_SERIES)));
        }
        MetricChart.Chart chart = MetricChart.build(series, axis);
        model.with("chartJson", chart.json()).with("chartPoints", chart.points()).with("chartNotes", chart.notes())
                .with("metricKeys", run.latestMetrics().stream().map(Metric::key).toList());
    }

    private void addArtifacts(PageModel model, Run run, String path) {
        String runLink = "/ui/runs/" + Links.segment(run.info().runId());
        String dir = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<PathPart> parts = new ArrayList<>();
        parts.add(new PathPart("artifacts", runLink + "#artifacts"));
        if (!dir.isEmpty()) {
            StringBuilder prefix = new StringBuilder();
            for (String segment : dir.split("/", -1)) {
                prefix.append(prefix.length() == 0 ? "" : "/").append(segment);
                parts.add(new PathPart(segment, Links.to(runLink).param("path", prefix.toString()) + "#artifacts"));
            }
        }
        model.with("artifactPath", dir).with("artifactParts", parts);
        try {
            ArtifactService.RunListing listing = artifacts.listRun(run.info().runId(), dir);
            List<ArtifactEntry> entries = new ArrayList<>();
            for (ArtifactFile f : listing.files()) {
                String name = f.path().substring(f.path().lastIndexOf('/') + 1);
                String link = f.isDir() ? Links.to(runLink).param("path", f.path()) + "#artifacts"
                        : Links.to(runLink + "/artifact").param("path", f.path()).toString();
                entries.add(new ArtifactEntry(name, f.isDir(), f.fileSize(), link));
            }
            model.with("artifacts", entries).with("artifactRoot", listing.rootUri());
        } catch (BallastException e) {
            if (e.code() != ErrorCode.NOT_IMPLEMENTED) {
                throw e;
            }
            model.with("artifacts", List.of()).with("artifactRoot", run.info().artifactUri()).with("artifactsElsewhere", e.getMessage());
        }
    }
}
