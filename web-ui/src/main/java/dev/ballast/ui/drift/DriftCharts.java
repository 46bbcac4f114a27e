package dev.ballast.ui.drift;

import dev.ballast.drift.app.monitor.HistogramView;
import dev.ballast.drift.domain.monitor.MonitorStore;
import dev.ballast.ui.shell.ChartJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Chart data of the drift pages. Series are drawn over check time (epoch seconds with the
 * milliseconds as fraction, so checks within one second keep their order). Histograms show the
 * share of rows per bin rather than counts: the reference and the current sample differ in size,
 * and only shares are comparable bar by bar.
 */
final class DriftCharts {

    private DriftCharts() {
    }

    /** The KS statistic (D) of one feature over time. */
    static String statistic(List<MonitorStore.SeriesPoint> points) {
        return ChartJson.lines().x(times(points), "checked at").timeAxis().yLabel("KS statistic D")
                .series("KS statistic D", points.stream().map(MonitorStore.SeriesPoint::statistic).toList())
                .json();
    }

    /** The raw and the corrected p-value of one feature over time. */
    static String pValues(List<MonitorStore.SeriesPoint> points) {
        return ChartJson.lines().x(times(points), "checked at").timeAxis().yLabel("p-value")
                .series("p-value", points.stream().map(MonitorStore.SeriesPoint::pValue).toList())
                .series("adjusted p-value", points.stream().map(MonitorStore.SeriesPoint::adjustedPValue).toList())
                .json();
    }

    /** Reference and current share of rows per bin, one bar pair per bin at its lower edge. */
    static String histogram(HistogramView h) {
        int bins = Math.min(h.reference().length, h.current().length);
        List<Double> starts = new ArrayList<>(bins);
        for (int i = 0; i < bins && i < h.edges().length; i++) {
            starts.add(h.edges()[i]);
        }
        return ChartJson.bars().x(starts, h.feature()).yLabel("share of rows")
                .series("reference", shares(h.reference(), starts.size()))
                .series("current", shares(h.current(), starts.size()))
                .json();
    }

    private static List<Double> times(List<MonitorStore.SeriesPoint> points) {
        return points.stream().map(p -> p.checkedAt() / 1000.0).toList();
    }

    private static List<Double> shares(long[] counts, int bins) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        List<Double> shares = new ArrayList<>(bins);
        for (int i = 0; i < bins; i++) {
            shares.add(total == 0 ? 0.0 : (double) counts[i] / total);
        }
        return shares;
    }
}
