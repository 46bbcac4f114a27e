package dev.ballast.ui.tracking;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.app.MetricHistorySampler;
import dev.ballast.tracking.app.MetricHistorySampler.Axis;
import dev.ballast.tracking.app.RunService;
import dev.ballast.tracking.domain.Run;
import dev.ballast.ui.shell.Formats;
import dev.ballast.ui.shell.PageModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two to ten runs side by side: attributes, params and latest metrics with differing rows
 * highlighted (or only those), and one metric's history of every run overlaid on one chart.
 */
@Hidden
@Controller("/ui/compare")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ComparePage {
    static final int MIN_RUNS = 2;
    static final int MAX_RUNS = 10;
    static final String CHART_ID = "compare-chart";

    private final RunService runs;
    private final MetricHistorySampler histories;

    public ComparePage(RunService runs, MetricHistorySampler histories) {
        this.runs = runs;
        this.histories = histories;
    }

    /** A compared run's column: its id, the label its chart series and header use, and its page. */
    public record RunColumn(String runId, String label, String link, long experimentId) {
    }

    @Get
    public ModelAndView<PageModel> compare(HttpRequest<?> request, @QueryValue @Nullable List<String> run,
                                           @QueryValue @Nullable String metric, @QueryValue @Nullable String x,
                                           @QueryValue @Nullable String only) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(run == null ? List.<String>of()
                : run.stream().filter(id -> id != null && !id.isBlank()).map(String::strip).toList()));
        if (ids.size() < MIN_RUNS || ids.size() > MAX_RUNS) {
            throw BallastException.invalid("Compare needs " + MIN_RUNS + " to " + MAX_RUNS + " different runs; " + ids.size()
                    + (ids.size() == 1 ? " was" : " were") + " chosen. Go back to the runs table and tick between "
                    + MIN_RUNS + " and " + MAX_RUNS + " runs.");
        }
        Axis axis = MetricChart.axis(x);
        List<Run> loaded = runs.getAll(ids);
        List<RunColumn> columns = columns(loaded);
        List<String> metricKeys = RunComparison.metricKeys(loaded);
        String chartMetric = metric != null && !metric.isBlank() ? metric : metricKeys.isEmpty() ? null : metricKeys.get(0);
        boolean onlyDiff = "diff".equals(only);
        PageModel model = PageModel.of("experiments").with("runs", columns).with("runIds", ids).with("metricKeys", metricKeys)
                .with("chartMetric", chartMetric).with("axis", axis.name().toLowerCase(Locale.ROOT)).with("onlyDiff", onlyDiff);
        addChart(model, loaded, columns, chartMetric, axis);
        if (CHART_ID.equals(request.getHeaders().get("HX-Target")) && !request.getHeaders().contains("HX-History-Restore-Request")) {
            return new ModelAndView<>("tracking/compare-chart", model);
        }
        Formats fmt = Formats.INSTANCE;
        List<RunComparison.Row> attributes = RunComparison.attributes(loaded, fmt);
        List<RunComparison.Row> params = RunComparison.params(loaded);
        List<RunComparison.Row> metrics = RunComparison.metrics(loaded, fmt);
        model.with("differences", count(attributes) + count(params) + count(metrics))
                .with("attributes", onlyDiff ? RunComparison.onlyDifferences(attributes) : attributes)
                .with("params", onlyDiff ? RunComparison.onlyDifferences(params) : params)
                .with("metrics", onlyDiff ? RunComparison.onlyDifferences(metrics) : metrics)
                .with("allLink", Links.to("/ui/compare").params("run", ids).param("metric", metric).param("x", x).toString())
                .with("diffLink", Links.to("/ui/compare").params("run", ids).param("metric", metric).param("x", x)
                        .param("only", "diff").toString());
        return new ModelAndView<>("tracking/compare", model);
    }

    private static long count(List<RunComparison.Row> rows) {
        return rows.stream().filter(RunComparison.Row::differs).count();
    }

    /** Labels are run names; runs that share a name get the start of their id added, so the legend tells them apart. */
    private static List<RunColumn> columns(List<Run> runs) {
        Map<String, Integer> names = new HashMap<>();
        runs.forEach(r -> names.merge(r.info().runName(), 1, Integer::sum));
        List<RunColumn> out = new ArrayList<>();
        for (Run r : runs) {
            String name = r.info().runName();
            String label = names.get(name) > 1 ? name + " (" + r.info().runId().substring(0, Math.min(7, r.info().runId().length())) + ")"
                    : name;
            out.add(new RunColumn(r.info().runId(), label, "/ui/runs/" + Links.segment(r.info().runId()), r.info().experimentId()));
        }
        return out;
    }

    private void addChart(PageModel model, List<Run> loaded, List<RunColumn> columns, String metric, Axis axis) {
        if (metric == null) {
            model.with("chartJson", null).with("chartPoints", 0).with("chartNotes", List.of());
            return;
        }
        List<MetricChart.Labeled> series = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            series.add(new MetricChart.Labeled(columns.get(i).label(),
                    histories.sample(loaded.get(i).info().runId(), metric, axis, MetricChart.POINTS_PER_SERIES)));
        }
        MetricChart.Chart chart = MetricChart.build(series, axis);
        model.with("chartJson", chart.json()).with("chartPoints", chart.points()).with("chartNotes", chart.notes());
    }
}
