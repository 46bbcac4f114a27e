package dev.ballast.drift.api.monitor;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.core.error.BallastException;
import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.drift.app.monitor.MonitorService;
import dev.ballast.drift.domain.Correction;
import dev.ballast.drift.domain.DriftSettings;
import dev.ballast.drift.domain.monitor.DriftMonitor;
import dev.ballast.drift.domain.monitor.MonitorStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;

/** Drift monitors of served models: create, list, run a check now, read past checks. */
@Controller("/api/v1/drift/monitors")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Drift")
public class MonitorsController {
    private final MonitorService monitors;
    private final ObjectMapper json;

    public MonitorsController(MonitorService monitors, ObjectMapper json) {
        this.monitors = monitors;
        this.json = json;
    }

    /** A new monitor; omitted fields take their defaults. */
    @Serdeable
    record MonitorRequest(@Nullable String model, @Nullable String alias,
                          @Nullable @JsonProperty("reference_dataset") String referenceDataset,
                          @Nullable @JsonProperty("reference_version") String referenceVersion,
                          @Nullable @JsonProperty("current_rows") Integer currentRows, @Nullable Double alpha,
                          @Nullable String correction, @Nullable Double threshold,
                          @Nullable @JsonProperty("min_samples") Integer minSamples,
                          @Nullable @JsonProperty("schedule_seconds") Integer scheduleSeconds) {
    }

    @Serdeable
    record MonitorView(long id, String model, String alias, @Nullable @JsonProperty("reference_dataset") String referenceDataset,
                       @Nullable @JsonProperty("reference_version") String referenceVersion,
                       @JsonProperty("current_rows") int currentRows, double alpha, String correction, double threshold,
                       @JsonProperty("min_samples") int minSamples,
                       @Nullable @JsonProperty("schedule_seconds") Integer scheduleSeconds,
                       @JsonProperty("created_by") String createdBy, @JsonProperty("created_at") long createdAt) {
        static MonitorView of(DriftMonitor m) {
            DriftSettings s = m.settings();
            return new MonitorView(m.id(), m.model(), m.alias(), m.referenceDataset(), m.referenceVersion(), m.currentRows(), s.alpha(),
                    s.correction().id(), s.threshold(), s.minSamples(), m.scheduleSeconds(), m.createdBy(), m.createdAt());
        }
    }

    @Serdeable
    record CheckView(long id, @JsonProperty("monitor_id") long monitorId, @JsonProperty("checked_at") long checkedAt,
                     @Nullable @JsonProperty("model_version") String modelVersion, String verdict,
                     @JsonProperty("drifted_share") double driftedShare, @JsonProperty("current_rows") int currentRows,
                     @Nullable @JsonProperty("workflow_id") Long workflowId, @Nullable String retraining, Object report) {
    }

    @Post
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Create a drift monitor of a served model (reference: the training data in its lineage, or a pinned dataset version)")
    public HttpResponse<MonitorView> create(@Parameter(hidden = true) Actor actor, @Body MonitorRequest r) {
        if (r.model() == null || r.model().isBlank()) {
            throw BallastException.invalid("Give the 'model' to monitor.");
        }
        DriftSettings d = DriftSettings.defaults();
        DriftSettings settings = new DriftSettings(r.alpha() == null ? d.alpha() : r.alpha(),
                r.correction() == null ? d.correction() : Correction.parse(r.correction()),
                r.threshold() == null ? d.threshold() : r.threshold(), r.minSamples() == null ? d.minSamples() : r.minSamples(),
                d.psiBins());
        DriftMonitor m = monitors.create(actor, new MonitorService.NewMonitor(r.model(), r.alias(), r.referenceDataset(),
                r.referenceVersion(), r.currentRows(), settings, r.scheduleSeconds()));
        return HttpResponse.created(MonitorView.of(m));
    }

    @Get
    public List<MonitorView> list(@Nullable @QueryValue String model) {
        return monitors.list(model).stream().map(MonitorView::of).toList();
    }

    @Get("/{id}")
    public MonitorView get(@PathVariable long id) {
        return MonitorView.of(monitors.get(id));
    }

    @Post("/{id}/check")
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Run the monitor's check now and store its result")
    public CheckView check(@PathVariable long id) {
        return view(monitors.check(id));
    }

    @Get("/{id}/checks")
    @Operation(summary = "The monitor's checks, newest first")
    public List<CheckView> checks(@PathVariable long id, @Nullable @QueryValue("max_results") Integer maxResults) {
        int limit = maxResults == null ? 20 : maxResults;
        if (limit < 1 || limit > 1000) {
            throw BallastException.invalid("Invalid max_results " + limit + ": it must be between 1 and 1000.");
        }
        return monitors.checks(id, limit).stream().map(this::view).toList();
    }

    private CheckView view(MonitorStore.StoredCheck c) {
        Object report;
        try {
            report = json.readValue(c.reportJson(), Object.class);
        } catch (IOException e) {
            report = c.reportJson();
        }
        return new CheckView(c.id(), c.monitorId(), c.checkedAt(), c.modelVersion() == null ? null : String.valueOf(c.modelVersion()),
                c.verdict(), c.driftedShare(), c.currentRows(), c.workflowId(), c.retraining(), report);
    }
}
