package dev.ballast.ui.drift;

import dev.ballast.drift.app.monitor.MonitorOverview;
import dev.ballast.drift.app.workflow.WorkflowService;
import dev.ballast.ui.shell.PageModel;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The drift overview: every monitor with its newest verdict (one query for all monitors' latest
 * checks), and the most recent retraining workflows of any model.
 */
@Hidden
@Controller("/ui/drift")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DriftPage {
    static final int RECENT_WORKFLOWS = 20;

    private final MonitorOverview overview;
    private final WorkflowService workflows;

    public DriftPage(MonitorOverview overview, WorkflowService workflows) {
        this.overview = overview;
        this.workflows = workflows;
    }

    /** A monitor, its newest check and its schedule in words. */
    public record Row(MonitorOverview.Entry entry, String schedule) {
    }

    @Get
    @View("drift/drift")
    public PageModel overview() {
        return PageModel.of("drift")
                .with("monitors", overview.list(null).stream().map(e -> new Row(e, MonitorTexts.schedule(e.monitor().schedule()))).toList())
                .with("workflows", workflows.list(null, null, RECENT_WORKFLOWS, null));
    }
}
