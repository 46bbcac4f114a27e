package dev.ballast.drift.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.drift.domain.DriftReport;
import dev.ballast.drift.domain.DriftSettings;
import dev.ballast.drift.domain.DriftVerdict;
import dev.ballast.drift.domain.FeatureDrift;
import dev.ballast.drift.domain.KsTest;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A drift check as the API answers it and as monitors store it (snake_case JSON). */
public final class DriftReportView {
    private DriftReportView() {
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
        public static DriftResponse of(DriftCheck check) {
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
        public static SettingsView of(DriftSettings s) {
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
        public static FeatureView of(FeatureDrift f) {
            return new FeatureView(f.feature(), f.test(), f.verdict().id(), f.statistic(), f.pValue(), f.adjustedPValue(),
                    f.method(), f.degreesOfFreedom(), f.psi(), f.referenceSize(), f.currentSize(), f.referenceDropped(),
                    f.currentDropped(), f.verdict() == DriftVerdict.DRIFT);
        }
    }

    @Serdeable
    public record VersionView(String dataset, String version, int number) {
        public static VersionView of(@Nullable DatasetVersion v) {
            return v == null ? null : new VersionView(v.dataset(), v.commitId(), v.number());
        }
    }
}
