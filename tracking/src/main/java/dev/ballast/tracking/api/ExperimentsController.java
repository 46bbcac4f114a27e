package dev.ballast.tracking.api;

import dev.ballast.tracking.app.ExperimentService;
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
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.ballast.tracking.api.MlflowRoutes.AJAX;
import static dev.ballast.tracking.api.MlflowRoutes.API;
import static dev.ballast.tracking.api.MlflowRoutes.EXPERIMENTS_CREATE;
import static dev.ballast.tracking.api.MlflowRoutes.EXPERIMENTS_DELETE;
import static dev.ballast.tracking.api.MlflowRoutes.EXPERIMENTS_GET;
import static dev.ballast.tracking.api.MlflowRoutes.EXPERIMENTS_GET_BY_NAME;
import static dev.ballast.tracking.api.MlflowRoutes.EXPERIMENTS_RESTORE;
import static dev.ballast.tracking.api.MlflowRoutes.EXPERIMENTS_SEARCH;
import static dev.ballast.tracking.api.MlflowRoutes.EXPERIMENTS_SET_TAG;
import static dev.ballast.tracking.api.MlflowRoutes.EXPERIMENTS_UPDATE;

/** MLflow's experiments endpoints. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
@Tag(name = "MLflow experiments")
public class ExperimentsController {
    private final ExperimentService experiments;

    public ExperimentsController(ExperimentService experiments) {
        this.experiments = experiments;
    }

    @Post(uris = {API + EXPERIMENTS_CREATE, AJAX + EXPERIMENTS_CREATE})
    public HttpResponse<String> create(@Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        long id = experiments.create(r.requireString("name"), r.string("artifact_location"), r.tags("tags"));
        return MlflowResponses.ok(Map.of("experiment_id", Long.toString(id)));
    }

    @Get(uris = {API + EXPERIMENTS_GET, AJAX + EXPERIMENTS_GET})
    public HttpResponse<String> get(HttpRequest<?> request) {
        MlflowRequest r = MlflowRequest.fromQuery(request.getParameters());
        return MlflowResponses.ok(Map.of("experiment", MlflowViews.experiment(experiments.get(r.requireInt64("experiment_id")))));
    }

    @Get(uris = {API + EXPERIMENTS_GET_BY_NAME, AJAX + EXPERIMENTS_GET_BY_NAME})
    public HttpResponse<String> getByName(HttpRequest<?> request) {
        MlflowRequest r = MlflowRequest.fromQuery(request.getParameters());
        return MlflowResponses.ok(Map.of("experiment", MlflowViews.experiment(experiments.getByName(r.requireString("experiment_name")))));
    }

    @Post(uris = {API + EXPERIMENTS_SEARCH, AJAX + EXPERIMENTS_SEARCH})
    public HttpResponse<String> searchPost(@Body @Nullable byte[] body) {
        return search(MlflowRequest.fromJson(body));
    }

    @Get(uris = {API + EXPERIMENTS_SEARCH, AJAX + EXPERIMENTS_SEARCH})
    public HttpResponse<String> searchGet(HttpRequest<?> request) {
        return search(MlflowRequest.fromQuery(request.getParameters()));
    }

    private HttpResponse<String> search(MlflowRequest r) {
        Integer max = r.int32("max_results");
        ExperimentService.Page page = experiments.search(ViewType.parse(r.raw("view_type")), r.string("filter"),
                r.strings("order_by"), max == null ? 1000 : max, r.string("page_token"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("experiments", page.experiments().stream().map(MlflowViews::experiment).toList());
        out.put("next_page_token", page.nextPageToken());
        return MlflowResponses.ok(out);
    }

    @Post(uris = {API + EXPERIMENTS_UPDATE, AJAX + EXPERIMENTS_UPDATE})
    public HttpResponse<String> update(@Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        experiments.rename(r.requireInt64("experiment_id"), r.requireString("new_name"));
        return MlflowResponses.empty();
    }

    @Post(uris = {API + EXPERIMENTS_DELETE, AJAX + EXPERIMENTS_DELETE})
    public HttpResponse<String> delete(@Body @Nullable byte[] body) {
        experiments.delete(MlflowRequest.fromJson(body).requireInt64("experiment_id"));
        return MlflowResponses.empty();
    }

    @Post(uris = {API + EXPERIMENTS_RESTORE, AJAX + EXPERIMENTS_RESTORE})
    public HttpResponse<String> restore(@Body @Nullable byte[] body) {
        experiments.restore(MlflowRequest.fromJson(body).requireInt64("experiment_id"));
        return MlflowResponses.empty();
    }

    @Post(uris = {API + EXPERIMENTS_SET_TAG, AJAX + EXPERIMENTS_SET_TAG})
    public HttpResponse<String> setTag(@Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        experiments.setTag(r.requireInt64("experiment_id"), r.requireString("key"), r.requireString("value"));
        return MlflowResponses.empty();
    }
}
