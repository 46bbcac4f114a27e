package dev.ballast.tracking.api;

import dev.ballast.core.identity.domain.Actor;
import dev.ballast.tracking.app.RunSearch;
import dev.ballast.tracking.app.RunService;
import dev.ballast.tracking.domain.DatasetInput;
import dev.ballast.tracking.domain.Metric;
import dev.ballast.tracking.domain.RunStatus;
import dev.ballast.tracking.domain.search.ViewType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ballast.tracking.api.MlflowRoutes.AJAX;
import static dev.ballast.tracking.api.MlflowRoutes.API;
import static dev.ballast.tracking.api.MlflowRoutes.METRICS_GET_HISTORY;
import static dev.ballast.tracking.api.MlflowRoutes.RUNS_CREATE;
import static dev.ballast.tracking.api.MlflowRoutes.RUNS_DELETE;
import static dev.ballast.tracking.api.MlflowRoutes.RUNS_DELETE_TAG;
import static dev.ballast.tracking.api.MlflowRoutes.RUNS_GET;
import static dev.ballast.tracking.api.MlflowRoutes.RUNS_LOG_BATCH;
import static dev.ballast.tracking.api.MlflowRoutes.RUNS_LOG_INPUTS;
import static dev.ballast.tracking.api.MlflowRoutes.RUNS_LOG_METRIC;
import static dev.ballast.tracking.api.MlflowRoutes.RUNS_LOG_MODEL;
import static dev.ballast.tracking.api.MlflowRoutes.RUNS_LOG_PARAMETER;
import static dev.ballast.tracking.api.MlflowRoutes.RUNS_RESTORE;
import static dev.ballast.tracking.api.MlflowRoutes.RUNS_SEARCH;
import static dev.ballast.tracking.api.MlflowRoutes.RUNS_SET_TAG;
import static dev.ballast.tracking.api.MlflowRoutes.RUNS_UPDATE;

/** MLflow's runs endpoints and metric history. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
@Tag(name = "MLflow runs")
public class RunsController {
    private final RunService runs;
    private final RunSearch search;
    private final Clock clock;

    public RunsController(RunService runs, RunSearch search, Clock clock) {
        this.runs = runs;
        this.search = search;
        this.clock = clock;
    }

    @Post(uris = {API + RUNS_CREATE, AJAX + RUNS_CREATE})
    public HttpResponse<String> create(@Parameter(hidden = true) Actor actor, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        RunService.NewRun request = new RunService.NewRun(r.int64("experiment_id"), r.string("user_id"), r.int64("start_time"),
                r.string("run_name"), r.tags("tags"));
        return MlflowResponses.ok(Map.of("run", MlflowViews.run(runs.create(request, actor.username()))));
    }

    @Get(uris = {API + RUNS_GET, AJAX + RUNS_GET})
    public HttpResponse<String> get(HttpRequest<?> request) {
        MlflowRequest r = MlflowRequest.fromQuery(request.getParameters());
        return MlflowResponses.ok(Map.of("run", MlflowViews.run(runs.get(runId(r)))));
    }

    @Post(uris = {API + RUNS_UPDATE, AJAX + RUNS_UPDATE})
    public HttpResponse<String> update(@Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        RunStatus status = r.has("status") ? RunStatus.parse(r.raw("status")) : null;
        return MlflowResponses.ok(Map.of("run_info",
                MlflowViews.runInfo(runs.update(runId(r), status, r.int64("end_time"), r.string("run_name")))));
    }

    @Post(uris = {API + RUNS_DELETE, AJAX + RUNS_DELETE})
    public HttpResponse<String> delete(@Body @Nullable byte[] body) {
        runs.delete(runId(MlflowRequest.fromJson(body)));
        return MlflowResponses.empty();
    }

    @Post(uris = {API + RUNS_RESTORE, AJAX + RUNS_RESTORE})
    public HttpResponse<String> restore(@Body @Nullable byte[] body) {
        runs.restore(runId(MlflowRequest.fromJson(body)));
        return MlflowResponses.empty();
    }

    @Post(uris = {API + RUNS_SEARCH, AJAX + RUNS_SEARCH})
    public HttpResponse<String> search(@Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        List<Long> experimentIds = new ArrayList<>();
        for (String id : r.strings("experiment_ids")) {
            try {
                experimentIds.add(Long.parseLong(id.trim()));
            } catch (NumberFormatException e) {
                throw MlflowRequest.invalid("experiment_ids", id, "experiment ids");
            }
        }
        Integer max = r.int32("max_results");
        RunSearch.Page page = search.search(experimentIds, r.string("filter"), ViewType.parse(r.raw("run_view_type")),
                max == null ? 1000 : max, r.strings("order_by"), r.string("page_token"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", page.runs().stream().map(MlflowViews::run).toList());
        out.put("next_page_token", page.nextPageToken());
        return MlflowResponses.ok(out);
    }

    @Post(uris = {API + RUNS_LOG_METRIC, AJAX + RUNS_LOG_METRIC})
    public HttpResponse<String> logMetric(@Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        runs.logBatch(runId(r), List.of(metric(r)), List.of(), List.of());
        return MlflowResponses.empty();
    }

    @Post(uris = {API + RUNS_LOG_PARAMETER, AJAX + RUNS_LOG_PARAMETER})
    public HttpResponse<String> logParameter(@Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        runs.logBatch(runId(r), List.of(), List.of(new SimpleEntry<>(r.requireString("key"), r.requireString("value"))), List.of());
        return MlflowResponses.empty();
    }

    @Post(uris = {API + RUNS_SET_TAG, AJAX + RUNS_SET_TAG})
    public HttpResponse<String> setTag(@Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        runs.logBatch(runId(r), List.of(), List.of(), List.of(new SimpleEntry<>(r.requireString("key"), r.requireString("value"))));
        return MlflowResponses.empty();
    }

    @Post(uris = {API + RUNS_DELETE_TAG, AJAX + RUNS_DELETE_TAG})
    public HttpResponse<String> deleteTag(@Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        runs.deleteTag(runId(r), r.requireString("key"));
        return MlflowResponses.empty();
    }

    @Post(uris = {API + RUNS_LOG_BATCH, AJAX + RUNS_LOG_BATCH})
    public HttpResponse<String> logBatch(@Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        List<Metric> metrics = new ArrayList<>();
        for (MlflowRequest m : r.objects("metrics")) {
            metrics.add(metric(m));
        }
        runs.logBatch(runId(r), metrics, pairs(r.objects("params")), pairs(r.objects("tags")));
        return MlflowResponses.empty();
    }

    @Post(uris = {API + RUNS_LOG_MODEL, AJAX + RUNS_LOG_MODEL})
    public HttpResponse<String> logModel(@Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        runs.logModel(runId(r), r.string("model_json"));
        return MlflowResponses.empty();
    }

    @Post(uris = {API + RUNS_LOG_INPUTS, AJAX + RUNS_LOG_INPUTS})
    public HttpResponse<String> logInputs(@Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        List<DatasetInput> inputs = new ArrayList<>();
        for (MlflowRequest in : r.objects("datasets")) {
            MlflowRequest d = in.object("dataset");
            if (d == null) {
                throw MlflowRequest.missing("datasets.dataset");
            }
            Map<String, String> tags = new LinkedHashMap<>();
            for (MlflowRequest t : in.objects("tags")) {
                tags.put(t.requireString("key"), t.requireString("value"));
            }
            inputs.add(new DatasetInput(d.requireString("name"), d.requireString("digest"), d.requireString("source_type"),
                    d.requireString("source"), d.string("schema"), d.string("profile"), tags));
        }
        runs.logInputs(runId(r), inputs);
        return MlflowResponses.empty();
    }

    @Get(uris = {API + METRICS_GET_HISTORY, AJAX + METRICS_GET_HISTORY})
    public HttpResponse<String> history(HttpRequest<?> request) {
        MlflowRequest r = MlflowRequest.fromQuery(request.getParameters());
        RunService.HistoryPage page = runs.history(runId(r), r.requireString("metric_key"), r.int32("max_results"), r.string("page_token"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metrics", page.metrics().stream().map(MlflowViews::metric).toList());
        out.put("next_page_token", page.nextPageToken());
        return MlflowResponses.ok(out);
    }

    private Metric metric(MlflowRequest m) {
        Long timestamp = m.int64("timestamp");
        Long step = m.int64("step");
        return new Metric(m.requireString("key"), m.requireDouble("value"), timestamp == null ? clock.millis() : timestamp,
                step == null ? 0 : step);
    }

    private static List<Map.Entry<String, String>> pairs(List<MlflowRequest> items) {
        List<Map.Entry<String, String>> out = new ArrayList<>(items.size());
        for (MlflowRequest i : items) {
            out.add(new SimpleEntry<>(i.requireString("key"), i.string("value")));
        }
        return out;
    }

    static String runId(MlflowRequest r) {
        String id = r.firstString("run_id", "run_uuid");
        if (id == null) {
            throw MlflowRequest.missing("run_id");
        }
        return id;
    }
}
