package dev.ballast.drift.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.drift.app.DriftCheck;
import dev.ballast.drift.app.DriftReportView;
import dev.ballast.drift.app.DriftService;
import dev.ballast.drift.domain.DriftReport;
import dev.ballast.drift.domain.DriftSettings;
import dev.ballast.drift.domain.DriftVerdict;
import dev.ballast.drift.domain.FeatureDrift;
import dev.ballast.drift.domain.KsTest;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * On-demand drift checks for notebooks and CI: two samples (JSON arrays per feature, or dataset versions) in, the
 * per-feature tests and the dataset verdict out. Open to every authenticated user: it reads only what its caller sends
 * or datasets every user may read.
 */
@Controller("/api/v1/drift")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Drift")
public class DriftController {
    private final DriftService drift;

    public DriftController(DriftService drift) {
        this.drift = drift;
    }

    @Post("/ks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Two-sample drift check: KS per numeric feature, chi-square per categorical one, PSI beside each",
            description = "Body: {\"reference\": {\"f1\": [numbers or strings], ...} or {\"dataset\": \"name\", \"version\": "
                    + "\"latest|3|commit\"}, \"current\": (same), \"alpha\": 0.05, \"correction\": \"bonferroni|benjamini_hochberg|none\", "
                    + "\"threshold\": 0.5, \"min_samples\": 100, \"psi_bins\": 10, \"features\": [optional names]}.")
    public DriftReportView.DriftResponse ks(@Body InputStream body) throws IOException {
        try (InputStream in = body) {
            return DriftReportView.DriftResponse.of(drift.ks(in));
        }
    }
}
