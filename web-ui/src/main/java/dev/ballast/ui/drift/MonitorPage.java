package dev.ballast.ui.drift;

import dev.ballast.core.error.BallastException;
import dev.ballast.drift.app.DriftReportView;
import dev.ballast.drift.app.monitor.HistogramView;
import dev.ballast.drift.app.monitor.MonitorService;
import dev.ballast.drift.app.workflow.WorkflowService;
import dev.ballast.drift.domain.monitor.DriftMonitor;
import dev.ballast.drift.domain.monitor.MonitorStore;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.ui.shell.PageModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One drift monitor: its settings, its newest checks (verdict, drifted share, the retraining
 * workflow a check started or why none), one feature's KS statistic and p-values over time (the
 * most drifted feature of the newest check unless another is chosen), the reference and current
 * histograms of a chosen check and feature, and the drift events with their workflows. The chart
 * parts are also served alone, for htmx to swap when another feature or check is chosen.
 */
@Hidden
@Controller("/ui/drift/monitors/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MonitorPage {
    static final int CHECKS = 50;
    static final int SERIES_POINTS = 200;
    static final int WORKFLOWS = 50;

    private final MonitorService monitors;
    private final WorkflowService workflows;
    private final CheckReports reports;

    public MonitorPage(MonitorService monitors, WorkflowService workflows, CheckReports reports) {
        this.monitors = monitors;
        this.workflows = workflows;
        this.reports = reports;
    }

    @Get
    @View("drift/monitor")
    public PageModel monitor(@PathVariable long id, @QueryValue @Nullable String feature, @QueryValue @Nullable Long check) {
        DriftMonitor m = monitors.get(id);
        List<MonitorStore.StoredCheck> checks = monitors.checks(id, CHECKS);
        DriftReportView.DriftResponse latest = checks.isEmpty() ? null : reports.report(checks.get(0).reportJson());
        List<String> features = features(m, latest);
        String chosen = feature != null && !feature.isBlank() ? feature.strip()
                : CheckReports.mostDrifted(latest).orElse(features.isEmpty() ? null : features.get(0));
        List<Workflow> started = workflows.list(m.model(), null, WORKFLOWS, null).stream()
                .filter(w -> w.monitorId() != null && w.monitorId() == id).toList();
        Map<Long, Workflow> byId = new LinkedHashMap<>();
        started.forEach(w -> byId.put(w.id(), w));
        PageModel model = PageModel.of("drift")
                .with("m", m)
                .with("scheduleText", MonitorTexts.schedule(m.schedule()))
                .with("referenceText", MonitorTexts.reference(m.reference()))
                .with("nextCheck", monitors.nextCheck(id).map(Instant::toEpochMilli).orElse(null))
                .with("checks", checks)
                .with("latest", latest)
                .with("features", features)
                .with("events", checks.stream().filter(c -> "drift".equals(c.verdict())).toList())
                .with("workflows", started)
                .with("workflowById", byId);
        series(model, id, chosen);
        if (!checks.isEmpty()) {
            histogram(model, id, check == null ? checks.get(0).id() : check, chosen, true);
        }
        return model;
    }

    @Get("/series")
    @View("drift/series")
    public PageModel seriesFragment(@PathVariable long id, @QueryValue @Nullable String feature) {
        if (feature == null || feature.isBlank()) {
            throw BallastException.invalid("Choose the feature whose statistic and p-value to show.");
        }
        return series(PageModel.of("drift"), id, feature.strip());
    }

    @Get("/histogram")
    @View("drift/histogram")
    public PageModel histogramFragment(@PathVariable long id, @QueryValue Long check, @QueryValue @Nullable String feature) {
        return histogram(PageModel.of("drift"), id, check, feature == null || feature.isBlank() ? null : feature.strip(), false);
    }

    /** The features of the newest check in its order, else those the monitor lists. */
    private static List<String> features(DriftMonitor m, @Nullable DriftReportView.DriftResponse latest) {
        if (latest != null && latest.features() != null && !latest.features().isEmpty()) {
            return latest.features().stream().map(DriftReportView.FeatureView::feature).toList();
        }
        return m.features() == null ? List.of() : m.features();
    }

    private PageModel series(PageModel model, long id, @Nullable String feature) {
        List<MonitorStore.SeriesPoint> points = feature == null ? List.of() : monitors.series(id, feature, SERIES_POINTS);
        List<MonitorStore.SeriesPoint> newestFirst = new ArrayList<>(points);
        java.util.Collections.reverse(newestFirst);
        return model.with("monitorId", id)
                .with("feature", feature)
                .with("points", newestFirst)
                .with("statisticChart", DriftCharts.statistic(points))
                .with("pValueChart", DriftCharts.pValues(points));
    }

    /**
     * The histograms of one check for {@code feature}; with {@code fallback} (or no feature) the check's first numeric
     * feature when that one has none (e.g. the most drifted feature was categorical).
     */
    private PageModel histogram(PageModel model, long id, long checkId, @Nullable String feature, boolean fallback) {
        MonitorStore.CheckDetail detail = monitors.check(id, checkId);
        List<HistogramView> histograms = reports.histograms(detail.histogramsJson());
        HistogramView shown = histograms.stream().filter(h -> h.feature().equals(feature)).findFirst()
                .orElse((feature == null || fallback) && !histograms.isEmpty() ? histograms.get(0) : null);
        return model.with("monitorId", id)
                .with("histCheck", detail.check())
                .with("histFeature", shown == null ? feature : shown.feature())
                .with("histFeatures", histograms.stream().map(HistogramView::feature).toList())
                .with("histogramChart", shown == null ? null : DriftCharts.histogram(shown));
    }
}
