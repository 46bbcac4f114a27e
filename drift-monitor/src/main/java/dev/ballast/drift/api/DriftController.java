package dev.ballast.drift.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.drift.app.DriftCheck;
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
    public DriftResponse ks(@Body InputStream body) throws IOException {
        try (InputStream in = body) {
            return DriftResponse.of(drift.ks(in));
        }
    }

    /** The answer. {@code reference}/{@code current} name the dataset version read, when a side was one. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DriftResponse(String verdict,
                                @JsonProperty("drifted_share") double driftedShare,
                                @JsonProperty("drifted_features") int driftedFeatures,
                                @JsonProperty("tested_features") int testedFeatures,
                                @JsonProperty("insufficient_features") int insufficientFeatures,
                                SettingsView settings,
                                List<FeatureView> features,
                                @Nullable VersionView reference,
                                @Nullable VersionView current) {
        static DriftResponse of(DriftCheck check) {
            DriftReport r = check.report();
            return new DriftResponse(r.verdict().id(), r.driftedShare(), r.drifted(), r.tested(), r.insufficient(),
                    SettingsView.of(r.settings()), r.features().stream().map(FeatureView::of).toList(),
                    VersionView.of(check.reference()), VersionView.of(check.current()));
        }
    }

    @Serdeable
    public record SettingsView(double alpha, String correction, double threshold,
                               @JsonProperty("min_samples") int minSamples,
                               @JsonProperty("psi_bins") int psiBins,
                               long seed) {
        static SettingsView of(DriftSettings s) {
            return new SettingsView(s.alpha(), s.correction().id(), s.threshold(), s.minSamples(), s.psiBins(), KsTest.SEED);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FeatureView(String feature, String test, String verdict,
                              @Nullable Double statistic,
                              @JsonProperty("p_value") @Nullable Double pValue,
                              @JsonProperty("adjusted_p_value") @Nullable Double adjustedPValue,
                              @Nullable String method,
                              @JsonProperty("degrees_of_freedom") @Nullable Integer degreesOfFreedom,
                              @Nullable Double psi,
                              @JsonProperty("reference_size") long referenceSize,
                              @JsonProperty("current_size") long currentSize,
                              @JsonProperty("reference_dropped") long referenceDropped,
                              @JsonProperty("current_dropped") long currentDropped,
                              boolean drifted) {
        static FeatureView of(FeatureDrift f) {
            return new FeatureView(f.feature(), f.test(), f.verdict().id(), f.statistic(), f.pValue(), f.adjustedPValue(),
                    f.method(), f.degreesOfFreedom(), f.psi(), f.referenceSize(), f.currentSize(), f.referenceDropped(),
                    f.currentDropped(), f.verdict() == DriftVerdict.DRIFT);
        }
    }

    @Serdeable
    public record VersionView(String dataset, String version, int number) {
        static VersionView of(@Nullable DatasetVersion v) {
            return v == null ? null : new VersionView(v.dataset(), v.commitId(), v.number());
        }
    }
}
