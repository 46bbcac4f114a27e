package dev.ballast.registry.api;

import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.tracking.api.MlflowRequest;
import dev.ballast.tracking.api.MlflowResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.ballast.registry.api.RegistryRoutes.AJAX;
import static dev.ballast.registry.api.RegistryRoutes.API;
import static dev.ballast.registry.api.RegistryRoutes.MODELS_ALIAS;
import static dev.ballast.registry.api.RegistryRoutes.MODELS_CREATE;
import static dev.ballast.registry.api.RegistryRoutes.MODELS_DELETE;
import static dev.ballast.registry.api.RegistryRoutes.MODELS_DELETE_TAG;
import static dev.ballast.registry.api.RegistryRoutes.MODELS_GET;
import static dev.ballast.registry.api.RegistryRoutes.MODELS_LATEST;
import static dev.ballast.registry.api.RegistryRoutes.MODELS_RENAME;
import static dev.ballast.registry.api.RegistryRoutes.MODELS_SEARCH;
import static dev.ballast.registry.api.RegistryRoutes.MODELS_SET_TAG;
import static dev.ballast.registry.api.RegistryRoutes.MODELS_UPDATE;

/** MLflow's registered-models endpoints. Writes need ENGINEER; protected aliases answer 403. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
@Tag(name = "MLflow model registry")
public class RegisteredModelsController {
    private final RegistryService registry;

    public RegisteredModelsController(RegistryService registry) {
        this.registry = registry;
    }

    @Post(uris = {API + MODELS_CREATE, AJAX + MODELS_CREATE})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> create(@Parameter(hidden = true) Actor actor, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        return model(registry.createModel(actor, r.requireString("name"), r.tags("tags"), r.string("description")));
    }

    @Get(uris = {API + MODELS_GET, AJAX + MODELS_GET})
    public HttpResponse<String> get(HttpRequest<?> request) {
        return model(registry.getModel(MlflowRequest.fromQuery(request.getParameters()).requireString("name")));
    }

    @Post(uris = {API + MODELS_RENAME, AJAX + MODELS_RENAME})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> rename(@Parameter(hidden = true) Actor actor, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        return model(registry.renameModel(actor, r.requireString("name"), r.requireString("new_name")));
    }

    @Patch(uris = {API + MODELS_UPDATE, AJAX + MODELS_UPDATE})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> update(@Parameter(hidden = true) Actor actor, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        return model(registry.updateModel(actor, r.requireString("name"), r.string("description")));
    }

    @Delete(uris = {API + MODELS_DELETE, AJAX + MODELS_DELETE})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> delete(@Parameter(hidden = true) Actor actor, HttpRequest<?> request, @Body @Nullable byte[] body) {
        registry.deleteModel(actor, MlflowBodies.read(request, body).requireString("name"));
        return MlflowResponses.empty();
    }

    @Get(uris = {API + MODELS_SEARCH, AJAX + MODELS_SEARCH})
    public HttpResponse<String> search(HttpRequest<?> request) {
        return search(MlflowRequest.fromQuery(request.getParameters()));
    }

    @Post(uris = {API + MODELS_SEARCH, AJAX + MODELS_SEARCH})
    public HttpResponse<String> searchPost(@Body @Nullable byte[] body) {
        return search(MlflowRequest.fromJson(body));
    }

    private HttpResponse<String> search(MlflowRequest r) {
        RegistryService.ModelPage page = registry.searchModels(r.string("filter"), r.int32("max_results"), r.strings("order_by"),
                r.string("page_token"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("registered_models", page.models().stream().map(RegistryViews::model).toList());
        out.put("next_page_token", page.nextPageToken());
        return MlflowResponses.ok(out);
    }

    @Post(uris = {API + MODELS_LATEST, AJAX + MODELS_LATEST})
    public HttpResponse<String> latestPost(@Body @Nullable byte[] body) {
        return latest(MlflowRequest.fromJson(body));
    }

    @Get(uris = {API + MODELS_LATEST, AJAX + MODELS_LATEST})
    public HttpResponse<String> latestGet(HttpRequest<?> request) {
        return latest(MlflowRequest.fromQuery(request.getParameters()));
    }

    private HttpResponse<String> latest(MlflowRequest r) {
        return MlflowResponses.ok(Map.of("model_versions", registry.latestVersions(r.requireString("name"), r.strings("stages"))
                .stream().map(RegistryViews::version).toList()));
    }

    @Post(uris = {API + MODELS_SET_TAG, AJAX + MODELS_SET_TAG})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> setTag(@Parameter(hidden = true) Actor actor, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        registry.setModelTag(actor, r.requireString("name"), r.requireString("key"), r.requireString("value"));
        return MlflowResponses.empty();
    }

    @Delete(uris = {API + MODELS_DELETE_TAG, AJAX + MODELS_DELETE_TAG})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> deleteTag(@Parameter(hidden = true) Actor actor, HttpRequest<?> request, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowBodies.read(request, body);
        registry.deleteModelTag(actor, r.requireString("name"), r.requireString("key"));
        return MlflowResponses.empty();
    }

    @Post(uris = {API + MODELS_ALIAS, AJAX + MODELS_ALIAS})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> setAlias(@Parameter(hidden = true) Actor actor, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        registry.setAlias(actor, r.requireString("name"), r.requireString("alias"), r.requireString("version"));
        return MlflowResponses.empty();
    }

    @Delete(uris = {API + MODELS_ALIAS, AJAX + MODELS_ALIAS})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> deleteAlias(@Parameter(hidden = true) Actor actor, HttpRequest<?> request, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowBodies.read(request, body);
        registry.deleteAlias(actor, r.requireString("name"), r.requireString("alias"));
        return MlflowResponses.empty();
    }

    @Get(uris = {API + MODELS_ALIAS, AJAX + MODELS_ALIAS})
    public HttpResponse<String> getByAlias(HttpRequest<?> request) {
        MlflowRequest r = MlflowRequest.fromQuery(request.getParameters());
        return MlflowResponses.ok(Map.of("model_version",
                RegistryViews.version(registry.versionByAlias(r.requireString("name"), r.requireString("alias")))));
    }

    private static HttpResponse<String> model(dev.ballast.registry.domain.model.RegisteredModel m) {
        return MlflowResponses.ok(Map.of("registered_model", RegistryViews.model(m)));
    }
}
