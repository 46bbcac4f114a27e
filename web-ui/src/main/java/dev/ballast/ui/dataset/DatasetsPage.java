package dev.ballast.ui.dataset;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.app.dataset.DatasetService;
import dev.ballast.tracking.domain.dataset.Dataset;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
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
 * The datasets list (name search, pages of 50, each with its newest version's size and rows in one
 * extra query) and one dataset's versions, newest first in pages of 20, with a form that compares
 * two versions.
 */
@Hidden
@Controller("/ui/datasets")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DatasetsPage {
    static final int PAGE_SIZE = 50;
    static final int VERSIONS_PAGE = 20;
    /** How many versions the diff form offers to choose from. */
    static final int DIFF_CHOICES = 200;

    private final DatasetService datasets;

    public DatasetsPage(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Get
    @View("dataset/datasets")
    public PageModel list(@QueryValue @Nullable String q, @QueryValue @Nullable String page) {
        String search = q == null ? "" : q.strip();
        int number = pageNumber(page);
        List<Dataset> found = datasets.list(search.isEmpty() ? null : search, PAGE_SIZE + 1, (long) (number - 1) * PAGE_SIZE);
        List<Dataset> shown = found.size() > PAGE_SIZE ? found.subList(0, PAGE_SIZE) : found;
        return PageModel.of("datasets")
                .with("q", search)
                .with("datasets", shown)
                .with("latest", datasets.latestVersions(shown))
                .with("page", number)
                .with("hasNext", found.size() > PAGE_SIZE);
    }

    @Get("/{name}")
    @View("dataset/dataset")
    public PageModel dataset(@PathVariable String name, @QueryValue @Nullable String page) {
        Dataset dataset = datasets.get(name);
        int number = pageNumber(page);
        List<DatasetVersion> found = datasets.versions(name, VERSIONS_PAGE + 1, (long) (number - 1) * VERSIONS_PAGE);
        List<DatasetVersion> choices = dataset.versionCount() <= VERSIONS_PAGE && number == 1 ? found
                : datasets.versions(name, DIFF_CHOICES, 0);
        return PageModel.of("datasets")
                .with("dataset", dataset)
                .with("versions", found.size() > VERSIONS_PAGE ? found.subList(0, VERSIONS_PAGE) : found)
                .with("choices", choices)
                .with("page", number)
                .with("hasNext", found.size() > VERSIONS_PAGE);
    }

    /** A 1-based page number from the query; anything else is a 400 naming the problem. */
    static int pageNumber(@Nullable String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page.strip());
            if (number < 1 || number > 1_000_000) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw BallastException.invalid("'page' must be a page number from 1, got '" + page + "'.");
        }
    }
}
