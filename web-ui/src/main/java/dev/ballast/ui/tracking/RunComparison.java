package dev.ballast.ui.tracking;

import dev.ballast.tracking.domain.Metric;
import dev.ballast.tracking.domain.Run;
import dev.ballast.ui.shell.Formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs side by side: one row per attribute, param and metric key that any of them has, one value
 * per run, and whether the values differ (a run without the key differs from one with it). Values
 * are compared as logged (metrics by their double value), not as displayed, so two metrics that
 * print alike but differ are still marked.
 */
public final class RunComparison {
    private RunComparison() {
    }

    /** One compared key: its values per run (empty where a run lacks it) and whether they differ. */
    public record Row(String key, List<String> values, boolean differs) {
    }

    static List<Row> attributes(List<Run> runs, Formats fmt) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("Status", runs, r -> r.info().status().name(), r -> r.info().status().name()));
        rows.add(row("Started", runs, r -> fmt.time(r.info().startTime()), r -> r.info().startTime()));
        rows.add(row("Duration", runs, r -> fmt.duration(RunsTable.duration(r.info())), r -> RunsTable.duration(r.info())));
        rows.add(row("User", runs, r -> r.info().userId() == null ? "" : r.info().userId(), r -> r.info().userId()));
        rows.add(row("Experiment", runs, r -> String.valueOf(r.info().experimentId()), r -> r.info().experimentId()));
        return rows;
    }

    static List<Row> params(List<Run> runs) {
        Set<String> keys = new TreeSet<>();
        runs.forEach(r -> keys.addAll(r.params().keySet()));
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(row(key, runs, r -> r.params().getOrDefault(key, ""), r -> r.params().get(key)));
        }
        return rows;
    }

    static List<Row> metrics(List<Run> runs, Formats fmt) {
        List<Map<String, Double>> values = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        for (Run r : runs) {
            Map<String, Double> byKey = new HashMap<>();
            for (Metric m : r.latestMetrics()) {
                byKey.put(m.key(), m.value());
            }
            values.add(byKey);
            keys.addAll(byKey.keySet());
        }
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            List<String> shown = new ArrayList<>();
            Set<Object> distinct = new HashSet<>();
            for (Map<String, Double> byKey : values) {
                Double v = byKey.get(key);
                shown.add(fmt.number(v));
                distinct.add(v == null ? Missing.VALUE : v);
            }
            rows.add(new Row(key, shown, distinct.size() > 1));
        }
        return rows;
    }

    /** The metric keys any of the runs has, sorted. */
    static List<String> metricKeys(List<Run> runs) {
        Set<String> keys = new TreeSet<>();
        runs.forEach(r -> r.latestMetrics().forEach(m -> keys.add(m.key())));
        return List.copyOf(keys);
    }

    static List<Row> onlyDifferences(List<Row> rows) {
        return rows.stream().filter(Row::differs).toList();
    }

    private static Row row(String key, List<Run> runs, Function<Run, String> shown, Function<Run, Object> compared) {
        List<String> values = new ArrayList<>();
        Set<Object> distinct = new HashSet<>();
        for (Run r : runs) {
            values.add(shown.apply(r));
            Object v = compared.apply(r);
            distinct.add(v == null ? Missing.VALUE : v);
        }
        return new Row(key, values, distinct.size() > 1);
    }

    /** Stands for "no value" in the sets of distinct values (a set holds one null fine, but this reads plainly). */
    private enum Missing {
        VALUE
    }
}
