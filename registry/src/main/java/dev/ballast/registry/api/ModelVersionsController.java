package dev.ballast.registry.api;

import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.app.VersionRegistration;
import dev.ballast.registry.domain.model.ModelVersion;
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
import static dev.ballast.registry.api.RegistryRoutes.VERSIONS_CREATE;
import static dev.ballast.registry.api.RegistryRoutes.VERSIONS_DELETE;
import static dev.ballast.registry.api.RegistryRoutes.VERSIONS_DELETE_TAG;
import static dev.ballast.registry.api.RegistryRoutes.VERSIONS_DOWNLOAD_URI;
import static dev.ballast.registry.api.RegistryRoutes.VERSIONS_GET;
import static dev.ballast.registry.api.RegistryRoutes.VERSIONS_SEARCH;
import static dev.ballast.registry.api.RegistryRoutes.VERSIONS_SET_TAG;
import static dev.ballast.registry.api.RegistryRoutes.VERSIONS_TRANSITION;
import static dev.ballast.registry.api.RegistryRoutes.VERSIONS_UPDATE;

/** MLflow's model-versions endpoints. Writes need ENGINEER; protected stages answer 403. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
@Tag(name = "MLflow model registry")
public class ModelVersionsController {
    private final RegistryService registry;
    private final VersionRegistration registration;

    public ModelVersionsController(RegistryService registry, VersionRegistration registration) {
        this.registry = registry;
        this.registration = registration;
    }

    @Post(uris = {API + VERSIONS_CREATE, AJAX + VERSIONS_CREATE})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> create(@Parameter(hidden = true) Actor actor, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        return version(registration.register(actor, new RegistryService.NewVersion(r.requireString("name"), r.requireString("source"),
                r.string("run_id"), r.tags("tags"), r.string("run_link"), r.string("description"))));
    }

    @Get(uris = {API + VERSIONS_GET, AJAX + VERSIONS_GET})
    public HttpResponse<String> get(HttpRequest<?> request) {
        MlflowRequest r = MlflowRequest.fromQuery(request.getParameters());
        return version(registry.getVersion(r.requireString("name"), r.requireString("version")));
    }

    @Patch(uris = {API + VERSIONS_UPDATE, AJAX + VERSIONS_UPDATE})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> update(@Parameter(hidden = true) Actor actor, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        return version(registry.updateVersion(actor, r.requireString("name"), r.requireString("version"), r.string("description")));
    }

    @Delete(uris = {API + VERSIONS_DELETE, AJAX + VERSIONS_DELETE})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> delete(@Parameter(hidden = true) Actor actor, HttpRequest<?> request, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowBodies.read(request, body);
        registry.deleteVersion(actor, r.requireString("name"), r.requireString("version"));
        return MlflowResponses.empty();
    }

    @Get(uris = {API + VERSIONS_SEARCH, AJAX + VERSIONS_SEARCH})
    public HttpResponse<String> search(HttpRequest<?> request) {
        return search(MlflowRequest.fromQuery(request.getParameters()));
    }

    @Post(uris = {API + VERSIONS_SEARCH, AJAX + VERSIONS_SEARCH})
    public HttpResponse<String> searchPost(@Body @Nullable byte[] body) {
        return search(MlflowRequest.fromJson(body));
    }

    private HttpResponse<String> search(MlflowRequest r) {
        RegistryService.VersionPage page = registry.searchVersions(r.string("filter"), r.int32("max_results"), r.strings("order_by"),
                r.string("page_token"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model_versions", page.versions().stream().map(RegistryViews::version).toList());
        out.put("next_page_token", page.nextPageToken());
        return MlflowResponses.ok(out);
    }

    @Post(uris = {API + VERSIONS_TRANSITION, AJAX + VERSIONS_TRANSITION})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> transition(@Parameter(hidden = true) Actor actor, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        Object archive = r.raw("archive_existing_versions");
        boolean archiveExisting = archive instanceof Boolean b ? b : archive != null && Boolean.parseBoolean(archive.toString());
        return version(registry.transitionStage(actor, r.requireString("name"), r.requireString("version"), r.requireString("stage"),
                archiveExisting));
    }

    @Get(uris = {API + VERSIONS_DOWNLOAD_URI, AJAX + VERSIONS_DOWNLOAD_URI})
    public HttpResponse<String> downloadUri(HttpRequest<?> request) {
        MlflowRequest r = MlflowRequest.fromQuery(request.getParameters());
        return MlflowResponses.ok(Map.of("artifact_uri", registry.downloadUri(r.requireString("name"), r.requireString("version"))));
    }

    @Post(uris = {API + VERSIONS_SET_TAG, AJAX + VERSIONS_SET_TAG})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> setTag(@Parameter(hidden = true) Actor actor, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowRequest.fromJson(body);
        registry.setVersionTag(actor, r.requireString("name"), r.requireString("version"), r.requireString("key"),
                r.requireString("value"));
        return MlflowResponses.empty();
    }

    @Delete(uris = {API + VERSIONS_DELETE_TAG, AJAX + VERSIONS_DELETE_TAG})
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<String> deleteTag(@Parameter(hidden = true) Actor actor, HttpRequest<?> request, @Body @Nullable byte[] body) {
        MlflowRequest r = MlflowBodies.read(request, body);
        registry.deleteVersionTag(actor, r.requireString("name"), r.requireString("version"), r.requireString("key"));
        return MlflowResponses.empty();
    }

    private static HttpResponse<String> version(ModelVersion v) {
        return MlflowResponses.ok(Map.of("model_version", RegistryViews.version(v)));
    }
}
