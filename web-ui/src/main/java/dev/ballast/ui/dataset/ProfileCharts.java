package dev.ballast.ui.dataset;

import dev.ballast.tracking.domain.dataset.scan.ColumnProfile;
import dev.ballast.tracking.domain.dataset.scan.Histogram;
import dev.ballast.ui.shell.ChartJson;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The histogram chart of each numeric column of a profile: one bar per bin at the bin's lower
 * edge, as the profile stored it (numpy's equal-width bins).
 */
final class ProfileCharts {

    private ProfileCharts() {
    }

    /** Chart JSON by column index, for the numeric columns that have a histogram. */
    static Map<Integer, String> histograms(List<ColumnProfile> columns) {
        Map<Integer, String> charts = new LinkedHashMap<>();
        for (ColumnProfile c : columns) {
            String json = histogram(c);
            if (json != null) {
                charts.put(c.index(), json);
            }
        }
        return charts;
    }

    @Nullable
    static String histogram(ColumnProfile column) {
        if (column.numeric() == null || column.numeric().histogram() == null) {
            return null;
        }
        Histogram h = column.numeric().histogram();
        if (h.counts().isEmpty() || h.edges().size() != h.counts().size() + 1) {
            return null;
        }
        return ChartJson.bars().x(h.edges().subList(0, h.counts().size()), column.name())
                .yLabel("rows").series("rows", h.counts()).json();
    }
}
