package dev.ballast.tracking.api.dataset;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.tracking.api.dataset.DatasetViews.CreateDatasetRequest;
import dev.ballast.tracking.api.dataset.DatasetViews.DatasetResponse;
import dev.ballast.tracking.api.dataset.DatasetViews.DatasetView;
import dev.ballast.tracking.api.dataset.DatasetViews.DatasetsResponse;
import dev.ballast.tracking.api.dataset.DatasetViews.ImportRequest;
import dev.ballast.tracking.api.dataset.DatasetViews.UpdateDatasetRequest;
import dev.ballast.tracking.api.dataset.DatasetViews.VerifyResponse;
import dev.ballast.tracking.api.dataset.DatasetViews.VersionLineageResponse;
import dev.ballast.tracking.api.dataset.DatasetViews.VersionResponse;
import dev.ballast.tracking.api.dataset.DatasetViews.VersionView;
import dev.ballast.tracking.api.dataset.DatasetViews.VersionsResponse;
import dev.ballast.tracking.app.dataset.DatasetLineage;
import dev.ballast.tracking.app.dataset.DatasetService;
import dev.ballast.tracking.app.dataset.DatasetService.UploadResult;
import dev.ballast.tracking.app.dataset.DatasetService.VersionContent;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import dev.ballast.tracking.domain.dataset.scan.DatasetDiff;
import dev.ballast.tracking.domain.dataset.scan.DatasetFormat;
import dev.ballast.tracking.domain.search.PageToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Datasets versioned by git hash: create and describe datasets, upload or import versions, read
 * their profiles, download any version byte for byte, diff two versions, verify stored content
 * against its digest, and follow a version's lineage to runs and models. Reading needs any
 * authenticated user; writing needs ENGINEER (or ADMIN).
 */
@Controller("/api/v1/datasets")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Datasets")
public class DatasetsController {
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;
    private static final String VERSION_REF = "Version number (3 or v3), commit id or unique prefix of at least 7 digits, or 'latest'";

    private final DatasetService datasets;
    private final DatasetLineage lineage;

    public DatasetsController(DatasetService datasets, DatasetLineage lineage) {
        this.datasets = datasets;
        this.lineage = lineage;
    }

    @Post
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Create a dataset (name, description, owner; the owner defaults to the caller)")
    public HttpResponse<DatasetResponse> create(@Parameter(hidden = true) Actor actor, @Body CreateDatasetRequest request) {
        return HttpResponse.created(new DatasetResponse(DatasetView.of(
                datasets.create(actor, request.name(), request.description(), request.owner()))));
    }

    @Get
    @Operation(summary = "List datasets by name, optionally those whose name contains a text")
    public DatasetsResponse list(@QueryValue("name_contains") @Nullable String nameContains,
                                 @QueryValue("max_results") @Nullable Integer maxResults,
                                 @QueryValue("page_token") @Nullable String pageToken) {
        int limit = maxResults == null ? DEFAULT_PAGE : maxResults;
        if (limit < 1 || limit > MAX_PAGE) {
            throw BallastException.invalid("'max_results' must be between 1 and " + MAX_PAGE + ".");
        }
        long offset = pageToken == null || pageToken.isEmpty() ? 0 : PageToken.decode(pageToken);
        List<DatasetView> page = datasets.list(nameContains, limit + 1, offset).stream().map(DatasetView::of).toList();
        String next = page.size() > limit ? PageToken.encode(offset + limit) : null;
        return new DatasetsResponse(page.size() > limit ? page.subList(0, limit) : page, next);
    }

    @Get("/{name}")
    public DatasetResponse get(@PathVariable String name) {
        return new DatasetResponse(DatasetView.of(datasets.get(name)));
    }

    @Patch("/{name}")
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Change a dataset's description or owner")
    public DatasetResponse update(@PathVariable String name, @Body UpdateDatasetRequest request) {
        return new DatasetResponse(DatasetView.of(datasets.update(name, request.description(), request.owner())));
    }

    @Post("/{name}/versions")
    @Consumes(MediaType.ALL)
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Upload a version: the request body is the file (CSV with a header line, or JSON Lines), streamed",
            description = "The format is the 'format' parameter (csv or jsonl), else the Content-Type (text/csv, "
                    + "application/x-ndjson), else that of the current version (CSV for the first). Content equal to the "
                    + "current version makes no commit: the answer is 200 with created=false and the current version; "
                    + "otherwise 201 with the new version.")
    public HttpResponse<VersionResponse> upload(@Parameter(hidden = true) Actor actor, HttpRequest<?> request,
                                                @PathVariable String name,
                                                @QueryValue @Nullable @Parameter(description = "Commit message") String message,
                                                @QueryValue @Nullable @Parameter(description = "csv or jsonl") String format,
                                                @Body @Nullable InputStream content) throws IOException {
        Long length = request.getHeaders().contentLength().stream().boxed().findFirst().orElse(null);
        // Closing the body stream on every path lets the server discard what a refused upload still sends.
        try (InputStream body = content == null ? InputStream.nullInputStream() : content) {
            UploadResult result = datasets.upload(actor, name, format(format, request.getContentType().orElse(null)), message, body,
                    length != null && length >= 0 ? length : null);
            return uploaded(result);
        }
    }

    @Post("/{name}/versions/import")
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Import a version from a file in a local git repository (path or file: URL, ref, file path)")
    public HttpResponse<VersionResponse> importVersion(@Parameter(hidden = true) Actor actor, @PathVariable String name,
                                                       @Body ImportRequest request) {
        DatasetFormat format = request.format() == null ? null : parseFormat(request.format());
        return uploaded(datasets.importFrom(actor, name, new DatasetService.ImportRequest(request.repository(), request.ref(),
                request.path(), request.message(), format)));
    }

    @Get("/{name}/versions")
    @Operation(summary = "List a dataset's versions, newest first")
    public VersionsResponse versions(@PathVariable String name) {
        return new VersionsResponse(datasets.versions(name).stream().map(VersionView::summary).toList());
    }

    @Get("/{name}/versions/{version}")
    @Operation(summary = "One version's metadata and profile")
    public VersionResponse version(@PathVariable String name, @PathVariable @Parameter(description = VERSION_REF) String version) {
        return new VersionResponse(VersionView.of(datasets.version(name, version)), null, null);
    }

    @Get("/{name}/versions/{version}/content")
    @Operation(summary = "Download a version's file, byte for byte as uploaded (streamed)")
    public HttpResponse<StreamedFile> content(@PathVariable String name,
                                              @PathVariable @Parameter(description = VERSION_REF) String version) {
        VersionContent content = datasets.open(name, version);
        DatasetVersion v = content.version();
        StreamedFile file = new StreamedFile(content.stream(), MediaType.of(v.format().mediaType()), v.creationTime(), content.size())
                .attach(v.dataset() + "-v" + v.number() + "." + v.format().extension());
        return HttpResponse.ok(file).header(HttpHeaders.ETAG, "\"" + v.digest() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Ballast-Dataset-Commit", v.commitId());
    }

    @Post("/{name}/versions/{version}/verify")
    @Operation(summary = "Recompute the version's object ids from the stored bytes and report whether they match")
    public VerifyResponse verify(@PathVariable String name, @PathVariable @Parameter(description = VERSION_REF) String version) {
        DatasetVersion v = datasets.version(name, version);
        return VerifyResponse.of(v, datasets.verify(v));
    }

    @Get("/{name}/diff")
    @Operation(summary = "Compare two versions: rows added and removed, schema changes, per-column statistic deltas")
    public DatasetDiff diff(@PathVariable String name, @QueryValue @Parameter(description = VERSION_REF) String from,
                            @QueryValue @Parameter(description = VERSION_REF) String to) {
        return datasets.diff(name, from, to);
    }

    @Get("/{name}/versions/{version}/lineage")
    @Operation(summary = "Runs that used this version and the model versions they produced")
    public VersionLineageResponse lineage(@PathVariable String name,
                                          @PathVariable @Parameter(description = VERSION_REF) String version) {
        return VersionLineageResponse.of(lineage.ofVersion(name, version));
    }

    private static HttpResponse<VersionResponse> uploaded(UploadResult result) {
        VersionView view = VersionView.of(result.version());
        if (result.created()) {
            return HttpResponse.<VersionResponse>status(HttpStatus.CREATED).body(new VersionResponse(view, true, null));
        }
        return HttpResponse.ok(new VersionResponse(view, false, "The content equals the current version " + view.version()
                + " (" + view.id() + "); no commit was made."));
    }

    @Nullable
    static DatasetFormat format(@Nullable String parameter, @Nullable MediaType contentType) {
        if (parameter != null && !parameter.isBlank()) {
            return parseFormat(parameter);
        }
        if (contentType == null) {
            return null;
        }
        String type = contentType.getName().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/csv", "application/csv" -> DatasetFormat.CSV;
            case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines",
                 "application/json-lines", "application/jsonlines" -> DatasetFormat.JSONL;
            default -> null;
        };
    }

    private static DatasetFormat parseFormat(String format) {
        return DatasetFormat.parse(format).orElseThrow(() -> BallastException.invalid("Unknown format '" + format
                + "'; use csv or jsonl."));
    }
}
