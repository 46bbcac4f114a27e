package dev.ballast.tracking.api.dataset;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.tracking.api.dataset.DatasetViews.InputResponse;
import dev.ballast.tracking.api.dataset.DatasetViews.InputView;
import dev.ballast.tracking.api.dataset.DatasetViews.LogInputRequest;
import dev.ballast.tracking.api.dataset.DatasetViews.ModelLineageResponse;
import dev.ballast.tracking.api.dataset.DatasetViews.ModelVersionRef;
import dev.ballast.tracking.api.dataset.DatasetViews.RunLineageResponse;
import dev.ballast.tracking.app.dataset.DatasetLineage;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/**
 * Lineage from the run's and the model's side: record that a run used a dataset version, and
 * follow a run or a model version back to the exact data it saw.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Lineage")
public class LineageController {
    private final DatasetLineage lineage;

    public LineageController(DatasetLineage lineage) {
        this.lineage = lineage;
    }

    @Post("/runs/{run_id}/inputs")
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Record that a run used a version of a Ballast dataset (also visible to MLflow clients as a dataset input)")
    public HttpResponse<InputResponse> logInput(@PathVariable("run_id") String runId, @Body LogInputRequest request) {
        if (request.dataset() == null || request.dataset().isBlank()) {
            throw BallastException.invalid("Give the 'dataset' name and its 'version' (number, commit id or 'latest').");
        }
        String version = request.version() == null || request.version().isBlank() ? "latest" : request.version();
        DatasetLineage.InputUse use = lineage.logVersionInput(runId, request.dataset(), version, request.context(),
                request.tags() == null ? Map.of() : request.tags());
        return HttpResponse.created(new InputResponse(InputView.of(use)));
    }

    @Get("/runs/{run_id}/lineage")
    @Operation(summary = "The dataset versions a run used and the model versions it produced")
    public RunLineageResponse runLineage(@PathVariable("run_id") String runId) {
        return RunLineageResponse.of(lineage.ofRun(runId));
    }

    @Get("/lineage/model-versions/{name}/{version}")
    @Operation(summary = "A model version's run and the dataset versions that run used")
    public ModelLineageResponse modelLineage(@PathVariable String name, @PathVariable String version) {
        DatasetLineage.ModelLineage found = lineage.ofModelVersion(name, version);
        return new ModelLineageResponse(ModelVersionRef.of(found.modelVersion()), RunLineageResponse.of(found.run()));
    }
}
