package dev.ballast.ui.tracking;

import dev.ballast.tracking.app.ExperimentService;
import dev.ballast.tracking.domain.search.ViewType;
import dev.ballast.ui.shell.PageModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;

/**
 * The experiments list: a name search (case-insensitive, through the same search the MLflow API
 * uses) and pages of 50, newest activity first.
 */
@Hidden
@Controller("/ui/experiments")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExperimentsPage {
    static final int PAGE_SIZE = 50;

    private final ExperimentService experiments;

    public ExperimentsPage(ExperimentService experiments) {
        this.experiments = experiments;
    }

    @Get
    @View("tracking/experiments")
    public PageModel list(@QueryValue @Nullable String q, @QueryValue @Nullable String page) {
        String search = q == null ? "" : q.strip();
        String filter = search.isEmpty() ? null : "name ILIKE '%" + likeLiteral(search) + "%'";
        ExperimentService.Page found = experiments.search(ViewType.ACTIVE_ONLY, filter, List.of("last_update_time DESC"),
                PAGE_SIZE, page == null || page.isBlank() ? null : page);
        return PageModel.of("experiments")
                .with("q", search)
                .with("experiments", found.experiments())
                .with("nextPage", found.nextPageToken());
    }

    /** Quotes user text for a LIKE pattern in the filter grammar: quotes and wildcards match literally. */
    static String likeLiteral(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '\'' || c == '%' || c == '_' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
