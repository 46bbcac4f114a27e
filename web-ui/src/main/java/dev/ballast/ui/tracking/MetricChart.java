package dev.ballast.ui.tracking;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.app.MetricHistorySampler;
import dev.ballast.tracking.app.MetricHistorySampler.Axis;
import dev.ballast.tracking.domain.Metric;
import dev.ballast.ui.shell.ChartJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts several metric histories on one chart (several metrics of a run, or one metric of several
 * runs): the x values of all series are merged, each series has a gap where it has no point, and
 * a note says which series were reduced to bucket means and from how many points.
 */
final class MetricChart {
    /** Points per series a chart asks for: about one per pixel of a wide chart. */
    static final int POINTS_PER_SERIES = 1_000;

    private MetricChart() {
    }

    /** A series to draw and its legend label. */
    record Labeled(String label, MetricHistorySampler.Sampled sampled) {
    }

    /** The chart's JSON (for ChartJson's script element), the number of points drawn and notes on downsampling. */
    record Chart(String json, int points, List<String> notes) {
    }

    static Axis axis(String x) {
        if (x == null || x.isBlank() || x.equals("step")) {
            return Axis.STEP;
        }
        if (x.equals("time")) {
            return Axis.TIME;
        }
        throw BallastException.invalid("Invalid x axis '" + x + "': use step or time.");
    }

    static Chart build(List<Labeled> series, Axis axis) {
        TreeMap<Long, Double[]> byX = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        int points = 0;
        for (int s = 0; s < series.size(); s++) {
            MetricHistorySampler.Sampled sampled = series.get(s).sampled();
            for (Metric m : sampled.points()) {
                long x = axis == Axis.TIME ? m.timestamp() : m.step();
                byX.computeIfAbsent(x, k -> new Double[series.size()])[s] = m.value();
                points++;
            }
            if (sampled.downsampled()) {
                notes.add(String.format(Locale.ROOT, "%s: %,d points, drawn as %,d means of %,d %s each.", series.get(s).label(),
                        sampled.totalPoints(), sampled.points().size(), sampled.bucketWidth(),
                        axis == Axis.TIME ? "milliseconds" : "steps"));
            }
        }
        List<Double> xs = new ArrayList<>(byX.size());
        for (Long x : byX.keySet()) {
            xs.add(axis == Axis.TIME ? x / 1000.0 : x.doubleValue());
        }
        ChartJson chart = ChartJson.lines().x(xs, axis == Axis.TIME ? "time" : "step").yLabel("value");
        if (axis == Axis.TIME) {
            chart.timeAxis();
        }
        for (int s = 0; s < series.size(); s++) {
            List<Double> ys = new ArrayList<>(byX.size());
            for (Map.Entry<Long, Double[]> e : byX.entrySet()) {
                ys.add(e.getValue()[s]);
            }
            chart.series(series.get(s).label(), ys);
        }
        return new Chart(chart.json(), points, notes);
    }
}
