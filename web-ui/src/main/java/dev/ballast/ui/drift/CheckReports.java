package dev.ballast.ui.drift;

import dev.ballast.drift.app.DriftReportView;
import dev.ballast.drift.app.monitor.HistogramView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a stored drift check keeps as JSON (its report and its histograms) back into the
 * drift module's own views, and picks the feature a page shows first: the most drifted one.
 */
@Singleton
class CheckReports {
    /** Drifted features first, then the smallest corrected p-value, then the largest statistic; untested ones last. */
    static final Comparator<DriftReportView.FeatureView> MOST_DRIFTED = Comparator
            .comparing((DriftReportView.FeatureView f) -> !f.drifted())
            .thenComparing(DriftReportView.FeatureView::adjustedPValue, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DriftReportView.FeatureView::statistic, Comparator.nullsLast(Comparator.reverseOrder()));

    private final ObjectMapper json;

    CheckReports(ObjectMapper json) {
        this.json = json;
    }

    /** The check's report, or null when it has none. */
    @Nullable
    DriftReportView.DriftResponse report(@Nullable String reportJson) {
        if (reportJson == null || reportJson.isBlank()) {
            return null;
        }
        try {
            return json.readValue(reportJson, DriftReportView.DriftResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable drift report", e);
        }
    }

    /** The check's histograms; empty for checks stored before histograms were kept. */
    List<HistogramView> histograms(@Nullable String histogramsJson) {
        if (histogramsJson == null || histogramsJson.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(histogramsJson, Argument.listOf(HistogramView.class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable drift histograms", e);
        }
    }

    /** The feature of the report that drifted most, if it tested any. */
    static Optional<String> mostDrifted(@Nullable DriftReportView.DriftResponse report) {
        if (report == null || report.features() == null) {
            return Optional.empty();
        }
        return report.features().stream().min(MOST_DRIFTED).map(DriftReportView.FeatureView::feature);
    }
}
