package dev.ballast.ui.dataset;

import dev.ballast.tracking.app.dataset.DatasetLineage;
import dev.ballast.tracking.app.dataset.DatasetService;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import dev.ballast.ui.shell.PageModel;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * One dataset version: its facts, schema and per-column profile with a histogram per numeric
 * column, the runs that used it and the model versions those runs produced, and a download of
 * the file as uploaded. The download is served under {@code /ui} because the session cookie only
 * reaches the web UI's paths (the API takes Basic or Bearer credentials).
 */
@Hidden
@Controller("/ui/datasets/{name}/versions/{version}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DatasetVersionPage {
    private final DatasetService datasets;
    private final DatasetLineage lineage;

    public DatasetVersionPage(DatasetService datasets, DatasetLineage lineage) {
        this.datasets = datasets;
        this.lineage = lineage;
    }

    @Get
    @View("dataset/version")
    public PageModel version(@PathVariable String name, @PathVariable String version) {
        DatasetLineage.VersionLineage found = lineage.ofVersion(name, version);
        DatasetVersion v = found.version();
        return PageModel.of("datasets")
                .with("v", v)
                .with("columns", v.profile() == null ? java.util.List.of() : v.profile().columns())
                .with("charts", v.profile() == null ? java.util.Map.of() : ProfileCharts.histograms(v.profile().columns()))
                .with("runs", found.runs())
                .with("models", found.modelVersions());
    }

    @Get("/content")
    public HttpResponse<StreamedFile> content(@PathVariable String name, @PathVariable String version) {
        DatasetService.VersionContent content = datasets.open(name, version);
        DatasetVersion v = content.version();
        StreamedFile file = new StreamedFile(content.stream(), MediaType.of(v.format().mediaType()), v.creationTime(), content.size())
                .attach(v.dataset() + "-v" + v.number() + "." + v.format().extension());
        return HttpResponse.ok(file).header(HttpHeaders.ETAG, "\"" + v.digest() + "\"");
    }
}
