package dev.ballast.ui.dataset;

import dev.ballast.tracking.app.dataset.DatasetService;
import dev.ballast.tracking.domain.dataset.Dataset;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import dev.ballast.tracking.domain.dataset.scan.ColumnDelta;
import dev.ballast.tracking.domain.dataset.scan.StatDelta;
import dev.ballast.ui.shell.PageModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;

/**
 * The difference between two versions of a dataset as the dataset diff computes it: rows added,
 * removed and unchanged, columns added, removed and retyped, and each shared column's statistics
 * before and after, changed ones highlighted. Without both versions it shows the form to choose them.
 */
@Hidden
@Controller("/ui/datasets/{name}/diff")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DatasetDiffPage {
    private final DatasetService datasets;

    public DatasetDiffPage(DatasetService datasets) {
        this.datasets = datasets;
    }

    /** One statistic of a column in both versions, and whether it changed. */
    public record StatRow(String name, StatDelta delta, boolean changed) {
    }

    /** A column in both versions: its type on each side and its statistics. */
    public record ColumnRows(ColumnDelta column, boolean retyped, boolean changed, List<StatRow> stats) {
    }

    @Get
    @View("dataset/diff")
    public PageModel diff(@PathVariable String name, @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        Dataset dataset = datasets.get(name);
        PageModel model = PageModel.of("datasets").with("dataset", dataset)
                .with("choices", datasets.versions(name, DatasetsPage.DIFF_CHOICES, 0))
                .with("from", from == null ? "" : from.strip()).with("to", to == null ? "" : to.strip());
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            return model.with("diff", null);
        }
        DatasetVersion a = datasets.version(name, from.strip()).withProfile(null);
        DatasetVersion b = datasets.version(name, to.strip()).withProfile(null);
        var diff = datasets.diff(name, a.commitId(), b.commitId());
        return model.with("a", a).with("b", b).with("diff", diff)
                .with("columns", diff.columns().stream().map(DatasetDiffPage::rows).toList());
    }

    static ColumnRows rows(ColumnDelta c) {
        List<StatRow> stats = c.stats().entrySet().stream()
                .map(e -> new StatRow(e.getKey(), e.getValue(), changed(e.getValue()))).toList();
        boolean retyped = c.fromType() != c.toType();
        boolean ks = c.ksStatistic() != null && c.ksStatistic() > 0;
        return new ColumnRows(c, retyped, retyped || ks || stats.stream().anyMatch(StatRow::changed), stats);
    }

    /** Changed when one side has a value and the other not, or the values differ. */
    static boolean changed(StatDelta d) {
        if (d.from() == null || d.to() == null) {
            return (d.from() == null) != (d.to() == null);
        }
        return Double.compare(d.from(), d.to()) != 0;
    }
}
