package dev.ballast.ui.tracking;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.tracking.app.ExperimentService;
import dev.ballast.tracking.app.RunSearch;
import dev.ballast.tracking.domain.Experiment;
import dev.ballast.tracking.domain.search.PageToken;
import dev.ballast.tracking.domain.search.ViewType;
import dev.ballast.ui.shell.Formats;
import dev.ballast.ui.shell.PageModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;

/**
 * An experiment's runs as a table: chosen metric and param columns, sorting by any column, the
 * MLflow filter box and pages of {@value #PAGE_SIZE}. Filtering, sorting and paging all happen in
 * the database through {@link RunSearch}, the same search the MLflow API answers with, so the
 * table stays fast however many runs the experiment holds and a filter means exactly what it
 * means to an MLflow client. htmx requests aimed at the results get only the results back.
 */
@Hidden
@Controller("/ui/experiments/{experimentId}/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RunsPage {
    static final int PAGE_SIZE = 50;
    /** At most this many metric keys and this many param keys are offered as columns. */
    static final int MAX_KEYS = 200;
    /**
     * The keys offered are those of this many newest runs: reading the keys of every run of a
     * 10,000-run experiment took most of the page's time. Older runs' keys can still be chosen by
     * URL ({@code metric=}, {@code param=}) or filtered on.
     */
    static final int KEY_RUNS = 1_000;
    /** Columns shown before the user chooses: this many metrics and this many params. */
    static final int DEFAULT_COLUMNS = 5;
    static final String RESULTS_ID = "runs-results";

    private final ExperimentService experiments;
    private final RunSearch search;

    public RunsPage(ExperimentService experiments, RunSearch search) {
        this.experiments = experiments;
        this.search = search;
    }

    @Get
    public HttpResponse<ModelAndView<PageModel>> runs(HttpRequest<?> request, @PathVariable long experimentId,
                                                      @QueryValue @Nullable String filter, @QueryValue @Nullable String sort,
                                                      @QueryValue @Nullable String dir, @QueryValue @Nullable String cols,
                                                      @QueryValue @Nullable List<String> metric, @QueryValue @Nullable List<String> param,
                                                      @QueryValue @Nullable String page) {
        Experiment experiment = experiments.get(experimentId);
        boolean chosen = "1".equals(cols);
        RunsQuery q = new RunsQuery(experimentId, filter, sort, RunsQuery.ascending(sort, dir), chosen, metric, param, page);
        RunSearch.Keys recent = search.keys(experimentId, KEY_RUNS, MAX_KEYS);
        if (!chosen) {
            q = q.withColumns(first(recent.metrics()), first(recent.params()));
        }
        // Chosen keys stay in the chooser, so they can be unticked even when no recent run has them.
        RunSearch.Keys keys = new RunSearch.Keys(union(recent.metrics(), q.metrics()), union(recent.params(), q.params()));
        PageModel model = PageModel.of("experiments")
                .with("experiment", experiment)
                .with("q", q)
                .with("keys", keys)
                .with("maxKeys", MAX_KEYS)
                .with("keyRuns", KEY_RUNS)
                .with("columns", RunsTable.columns(q));
        HttpStatus status = HttpStatus.OK;
        try {
            RunSearch.Page found = search.search(List.of(experimentId), q.filter().isEmpty() ? null : q.filter(), ViewType.ACTIVE_ONLY,
                    PAGE_SIZE, List.of(q.orderBy()), q.page());
            long offset = PageToken.decode(q.page());
            model.with("rows", RunsTable.rows(found.runs(), q, Formats.INSTANCE))
                    .with("firstRow", offset + 1)
                    .with("lastRow", offset + found.runs().size())
                    .with("nextLink", found.nextPageToken() == null ? null : q.pageLink(found.nextPageToken()))
                    .with("previousLink", offset == 0 ? null : q.pageLink(offset <= PAGE_SIZE ? null
                            : PageToken.encode(offset - PAGE_SIZE)));
        } catch (BallastException e) {
            if (e.code() != ErrorCode.INVALID_PARAMETER_VALUE) {
                throw e;
            }
            // A filter or sort the grammar refuses: shown next to the filter box, with the table empty.
            status = HttpStatus.BAD_REQUEST;
            model.with("rows", List.of()).with("searchError", e.getMessage());
        }
        boolean partial = request.getHeaders().contains("HX-Request")
                && RESULTS_ID.equals(request.getHeaders().get("HX-Target"))
                && !request.getHeaders().contains("HX-History-Restore-Request");
        return HttpResponse.<ModelAndView<PageModel>>status(status)
                .body(new ModelAndView<>(partial ? "tracking/runs-results" : "tracking/runs", model));
    }

    private static List<String> union(List<String> a, List<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<String> first(List<String> keys) {
        return keys.subList(0, Math.min(DEFAULT_COLUMNS, keys.size()));
    }
}
