package dev.ballast.tracking.api;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.app.ArtifactService;
import dev.ballast.tracking.domain.ArtifactFile;
import dev.ballast.tracking.domain.ArtifactStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ballast.tracking.api.MlflowRoutes.AJAX;
import static dev.ballast.tracking.api.MlflowRoutes.API;
import static dev.ballast.tracking.api.MlflowRoutes.ARTIFACTS_LIST;

/**
 * MLflow's artifact proxy ({@code /api/2.0/mlflow-artifacts/artifacts}, what {@code mlflow server
 * --serve-artifacts} serves and what MLflow clients use for runs whose artifact URI is
 * {@code mlflow-artifacts:/...}) and the tracking API's {@code artifacts/list}. Uploads and
 * downloads are streamed, so artifact size is bounded by the disk, not the heap. Artifact paths
 * are percent-decoded once and go to the store unchanged; the store refuses unsafe ones.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes(MediaType.ALL)
@Tag(name = "MLflow artifacts")
public class ArtifactsController {
    public static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts";
    public static final String AJAX_PROXY = "/ajax-api/2.0/mlflow-artifacts/artifacts";

    /** The routed path variable is documented but not used: {@link #artifactPath} decodes the raw path instead. */
    private static final String ROUTED_PATH = "The artifact path, e.g. 1/<run id>/artifacts/model/MLmodel";

    private final ArtifactService artifacts;

    public ArtifactsController(ArtifactService artifacts) {
        this.artifacts = artifacts;
    }

    /** Stores the raw request body, whatever its declared type, as the artifact at {@code path}; it is read as a stream. */
    @Put(uris = {PROXY + "/{+path}", AJAX_PROXY + "/{+path}"})
    public HttpResponse<String> upload(HttpRequest<?> request, @PathVariable("path") @Parameter(description = ROUTED_PATH) String path,
                                       @Body InputStream content) {
        artifacts.upload(artifactPath(request), content);
        return MlflowResponses.empty();
    }

    @Get(uris = {PROXY + "/{+path}", AJAX_PROXY + "/{+path}"})
    public HttpResponse<StreamedFile> download(HttpRequest<?> request,
                                               @PathVariable("path") @Parameter(description = ROUTED_PATH) String path) {
        String artifact = artifactPath(request);
        ArtifactStore.Download file = artifacts.download(artifact);
        String name = artifact.substring(artifact.lastIndexOf('/') + 1);
        StreamedFile body = new StreamedFile(file.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE, file.lastModified(), file.size())
                .attach(name);
        // Never let a browser render an uploaded file (HTML, SVG) as part of Ballast's own origin.
        return HttpResponse.ok(body).header("X-Content-Type-Options", "nosniff");
    }

    @Get(uris = {PROXY, AJAX_PROXY})
    public HttpResponse<String> list(@QueryValue("path") @Nullable String path) {
        return MlflowResponses.ok(Map.of("files", views(artifacts.list(path))));
    }

    @Delete(uris = {PROXY + "/{+path}", AJAX_PROXY + "/{+path}"})
    public HttpResponse<String> delete(HttpRequest<?> request, @PathVariable("path") @Parameter(description = ROUTED_PATH) String path) {
        artifacts.delete(artifactPath(request));
        return MlflowResponses.empty();
    }

    /** MLflow's {@code artifacts/list}: one level of a run's artifacts, named relative to its artifact root. */
    @Get(uris = {API + ARTIFACTS_LIST, AJAX + ARTIFACTS_LIST})
    public HttpResponse<String> listRun(HttpRequest<?> request) {
        MlflowRequest r = MlflowRequest.fromQuery(request.getParameters());
        ArtifactService.RunListing listing = artifacts.listRun(RunsController.runId(r), r.string("path"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("root_uri", listing.rootUri());
        out.put("files", views(listing.files()));
        return MlflowResponses.ok(out);
    }

    /**
     * The artifact path of a proxy request, taken from the raw request path and percent-decoded
     * here rather than bound by Micronaut, whose path-variable decoding turns {@code +} into a
     * space (MLflow's Python client sends {@code +} in file names literally). Nothing else is
     * interpreted: {@code %2F} becomes {@code /} and {@code %2e%2e} becomes {@code ..}, and the
     * store refuses what is unsafe.
     */
    static String artifactPath(HttpRequest<?> request) {
        String raw = request.getUri().getRawPath();
        for (String prefix : new String[] {PROXY + "/", AJAX_PROXY + "/"}) {
            if (raw.startsWith(prefix)) {
                return percentDecode(raw.substring(prefix.length()));
            }
        }
        throw BallastException.invalid("Not an artifact path: '" + raw + "'.");
    }

    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
            if (lo < 0) {
                throw BallastException.invalid("Invalid artifact path: malformed percent-encoding.");
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw BallastException.invalid("Invalid artifact path: the percent-encoded bytes are not UTF-8.");
        }
    }

    private static List<Map<String, Object>> views(List<ArtifactFile> files) {
        return files.stream().map(ArtifactsController::view).toList();
    }

    private static Map<String, Object> view(ArtifactFile f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", f.path());
        m.put("is_dir", f.isDir());
        m.put("file_size", f.fileSize());
        return m;
    }
}
