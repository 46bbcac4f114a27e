package dev.ballast.ui.tracking;

import dev.ballast.tracking.domain.Metric;
import dev.ballast.tracking.domain.Run;
import dev.ballast.tracking.domain.RunInfo;
import dev.ballast.ui.shell.Formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header and cells of one page of a runs table, worked out in Java so the template only
 * writes them out: which columns there are, how each sorts (its link and aria-sort), and each
 * run's text per column. Text is plain; the template escapes it.
 */
public final class RunsTable {
    private RunsTable() {
    }

    /** A column header; {@code sortLink} null for a column that cannot be sorted. */
    public record Column(String label, String kind, String sortLink, String ariaSort, boolean numeric) {
    }

    /** One cell: its text, a link for the run name, a badge class for the status. */
    public record Cell(String text, String href, String badge, boolean numeric) {
    }

    /** One run's row. */
    public record Row(String runId, String name, List<Cell> cells) {
    }

    static List<Column> columns(RunsQuery q) {
        List<Column> out = new ArrayList<>();
        out.add(attribute(q, "Run", "run_name", false));
        out.add(attribute(q, "Status", "status", false));
        out.add(attribute(q, "Started", "start_time", false));
        out.add(new Column("Duration", "attr", null, null, true));
        out.add(attribute(q, "User", "user_id", false));
        for (String m : q.metrics()) {
            String sort = "metric:" + m;
            out.add(new Column(m, "metric", q.sortLink(sort), q.ariaSort(sort), true));
        }
        for (String p : q.params()) {
            String sort = "param:" + p;
            out.add(new Column(p, "param", q.sortLink(sort), q.ariaSort(sort), false));
        }
        return out;
    }

    private static Column attribute(RunsQuery q, String label, String name, boolean numeric) {
        String sort = "attr:" + name;
        return new Column(label, "attr", q.sortLink(sort), q.ariaSort(sort), numeric);
    }

    static List<Row> rows(List<Run> runs, RunsQuery q, Formats fmt) {
        List<Row> out = new ArrayList<>(runs.size());
        for (Run run : runs) {
            RunInfo info = run.info();
            Map<String, Double> metrics = new HashMap<>();
            for (Metric m : run.latestMetrics()) {
                metrics.put(m.key(), m.value());
            }
            List<Cell> cells = new ArrayList<>();
            cells.add(new Cell(info.runName(), "/ui/runs/" + Links.segment(info.runId()), null, false));
            cells.add(new Cell(info.status().name(), null, info.status().name().toLowerCase(Locale.ROOT), false));
            cells.add(new Cell(fmt.time(info.startTime()), null, null, false));
            cells.add(new Cell(fmt.duration(duration(info)), null, null, true));
            cells.add(new Cell(info.userId() == null ? "" : info.userId(), null, null, false));
            for (String m : q.metrics()) {
                cells.add(new Cell(fmt.number(metrics.get(m)), null, null, true));
            }
            for (String p : q.params()) {
                String v = run.params().get(p);
                cells.add(new Cell(v == null ? "" : v, null, null, false));
            }
            out.add(new Row(info.runId(), info.runName(), cells));
        }
        return out;
    }

    /** How long a run ran: end minus start, null while it runs or when a time is missing. */
    static Long duration(RunInfo info) {
        if (info.startTime() == null || info.endTime() == null || info.endTime() < info.startTime()) {
            return null;
        }
        return info.endTime() - info.startTime();
    }
}
