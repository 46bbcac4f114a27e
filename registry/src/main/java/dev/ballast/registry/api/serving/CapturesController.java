package dev.ballast.registry.api.serving;

import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.registry.api.serving.CaptureViews.CaptureStatsView;
import dev.ballast.registry.api.serving.CaptureViews.CaptureView;
import dev.ballast.registry.api.serving.CaptureViews.CapturesResponse;
import dev.ballast.registry.app.serving.capture.CaptureQueries;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Lets operators see what served models are being sent and answer (the rows drift monitors
 * read), and whether capture keeps up with serving. Captures are readable by every authenticated
 * user, like the registry itself; capture's counts are for ADMINs, who tune it.
 */
@Controller("/api/v1/serving")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Serving: captured predictions")
public class CapturesController {
    private static final int DEFAULT_PAGE = 100;

    private final CaptureQueries captures;

    public CapturesController(CaptureQueries captures) {
        this.captures = captures;
    }

    @Get("/{model}/captures")
    @Operation(summary = "Captured predictions of a model, newest first",
            description = "Sampled inputs and answers of served predictions in [since, until) (epoch milliseconds). With a "
                    + "version: that version's predictions, also as a shadow; without: the primary predictions of every "
                    + "version. A model without captures answers an empty list.")
    public CapturesResponse captures(@PathVariable String model,
                                     @QueryValue @Nullable @Parameter(description = "Only this version's predictions") Integer version,
                                     @QueryValue @Nullable @Parameter(description = "Epoch ms, inclusive (default: all)") Long since,
                                     @QueryValue @Nullable @Parameter(description = "Epoch ms, exclusive (default: none)") Long until,
                                     @QueryValue("max_results") @Nullable
                                     @Parameter(description = "1 to 1000, default 100") Integer maxResults) {
        return new CapturesResponse(captures.recent(model, version, since == null ? 0L : since, until == null ? Long.MAX_VALUE : until,
                maxResults == null ? DEFAULT_PAGE : maxResults).stream().map(CaptureView::of).toList());
    }

    @Get("/capture-stats")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Prediction capture's counts since start on this replica",
            description = "Rows offered, sampled out, enqueued, dropped (queue full), written and failed, and the queue's "
                    + "depth and capacity. When the writer has drained, offered = sampled_out + dropped + written + failed.")
    public CaptureStatsView stats() {
        return CaptureStatsView.of(captures.enabled(), captures.stats());
    }
}
