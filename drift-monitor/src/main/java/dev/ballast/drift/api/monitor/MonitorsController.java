package dev.ballast.drift.api.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.core.error.BallastException;
import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.drift.app.monitor.MonitorPatch;
import dev.ballast.drift.app.monitor.MonitorService;
import dev.ballast.drift.app.monitor.NewMonitor;
import dev.ballast.drift.domain.Correction;
import dev.ballast.drift.domain.DriftSettings;
import dev.ballast.drift.domain.monitor.CheckSchedule;
import dev.ballast.drift.domain.monitor.DriftMonitor;
import dev.ballast.drift.domain.monitor.MonitorReference;
import dev.ballast.drift.domain.monitor.MonitorStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
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
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drift monitors of served models: create, list, change, pause, delete, run a check now, read past checks (one with
 * its histograms) and one feature's results over time.
 */
@Controller("/api/v1/drift/monitors")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Drift")
public class MonitorsController {
    private static final Set<String> CHANGEABLE = Set.of("current_rows", "current_window_seconds", "features", "alpha", "correction",
            "threshold", "min_samples", "schedule_seconds", "schedule_cron", "enabled");
    private static final Set<String> FIXED = Set.of("model", "alias", "reference_dataset", "reference_version", "reference_window_from",
            "reference_window_to", "reference_window_version");
    private static final Set<String> CREATE_FIELDS = union(CHANGEABLE, FIXED);

    private final MonitorService monitors;
    private final ObjectMapper json;

    public MonitorsController(MonitorService monitors, ObjectMapper json) {
        this.monitors = monitors;
        this.json = json;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MonitorView(long id, String model, String alias, boolean enabled,
                       @JsonProperty("reference_kind") String referenceKind,
                       @Nullable @JsonProperty("reference_dataset") String referenceDataset,
                       @Nullable @JsonProperty("reference_version") String referenceVersion,
                       @Nullable @JsonProperty("reference_window_from") Long referenceWindowFrom,
                       @Nullable @JsonProperty("reference_window_to") Long referenceWindowTo,
                       @Nullable @JsonProperty("reference_window_version") String referenceWindowVersion,
                       @JsonProperty("current_rows") int currentRows,
                       @Nullable @JsonProperty("current_window_seconds") Integer currentWindowSeconds,
                       @Nullable List<String> features, double alpha, String correction, double threshold,
                       @JsonProperty("min_samples") int minSamples,
                       @Nullable @JsonProperty("schedule_seconds") Integer scheduleSeconds,
                       @Nullable @JsonProperty("schedule_cron") String scheduleCron,
                       @Nullable @JsonProperty("next_check_at") Long nextCheckAt,
                       @JsonProperty("created_by") String createdBy, @JsonProperty("created_at") long createdAt,
                       @JsonProperty("updated_at") long updatedAt) {
        static MonitorView of(DriftMonitor m, @Nullable Instant next) {
            DriftSettings s = m.settings();
            MonitorReference r = m.reference();
            MonitorReference.PinnedDataset d = r instanceof MonitorReference.PinnedDataset p ? p : null;
            MonitorReference.FrozenWindow w = r instanceof MonitorReference.FrozenWindow f ? f : null;
            return new MonitorView(m.id(), m.model(), m.alias(), m.enabled(), r.kind(), d == null ? null : d.dataset(),
                    d == null ? null : d.version(), w == null ? null : w.from(), w == null ? null : w.to(),
                    w == null ? null : String.valueOf(w.version()), m.current().rows(), m.current().seconds(), m.features(), s.alpha(),
                    s.correction().id(), s.threshold(), s.minSamples(),
                    m.schedule() instanceof CheckSchedule.Interval i ? i.seconds() : null,
                    m.schedule() instanceof CheckSchedule.Cron c ? c.expression() : null,
                    next == null ? null : next.toEpochMilli(), m.createdBy(), m.createdAt(), m.updatedAt());
        }
    }

    /** A check in the list: the per-feature report without histograms, and the retraining workflow it started (or why none). */
    @Serdeable
    record CheckView(long id, @JsonProperty("monitor_id") long monitorId, @JsonProperty("checked_at") long checkedAt,
                     @Nullable @JsonProperty("model_version") String modelVersion, String verdict,
                     @JsonProperty("drifted_share") double driftedShare, @JsonProperty("current_rows") int currentRows,
                     @Nullable @JsonProperty("workflow_id") Long workflowId, @Nullable String retraining, Object report) {
    }

    /** One check in full: the report and, per numeric feature, reference and current histograms on shared edges. */
    @Serdeable
    record CheckDetailView(long id, @JsonProperty("monitor_id") long monitorId, @JsonProperty("checked_at") long checkedAt,
                           @Nullable @JsonProperty("model_version") String modelVersion, String verdict,
                           @JsonProperty("drifted_share") double driftedShare, @JsonProperty("current_rows") int currentRows,
                           @Nullable @JsonProperty("workflow_id") Long workflowId, @Nullable String retraining,
                           Object report, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object histograms) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SeriesPointView(@JsonProperty("check_id") long checkId, @JsonProperty("checked_at") long checkedAt,
                           @Nullable @JsonProperty("model_version") String modelVersion, String verdict, @Nullable Double statistic,
                           @Nullable @JsonProperty("p_value") Double pValue,
                           @Nullable @JsonProperty("adjusted_p_value") Double adjustedPValue, @Nullable Double psi) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SeriesView(@JsonProperty("monitor_id") long monitorId, String feature, List<SeriesPointView> points) {
    }

    @Post
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Create a drift monitor of a served model",
            description = "Body: {\"model\" (required), \"alias\": \"champion\", reference: none (the training data in the served"
                    + " version's lineage) or \"reference_dataset\"+\"reference_version\" or \"reference_window_from\"+"
                    + "\"reference_window_to\" (epoch ms, in the past) [+\"reference_window_version\"], \"current_rows\": 1000,"
                    + " \"current_window_seconds\", \"features\": [names] (default: every numeric input), \"alpha\": 0.05,"
                    + " \"correction\": \"bonferroni|benjamini_hochberg|none\", \"threshold\": 0.5, \"min_samples\": 100,"
                    + " \"schedule_seconds\" or \"schedule_cron\" (six fields, UTC), \"enabled\": true}.")
    public HttpResponse<MonitorView> create(@Parameter(hidden = true) Actor actor, @Nullable @Body String body) {
        MonitorFields f = new MonitorFields(body, CREATE_FIELDS, "a new drift monitor");
        String model = f.string("model");
        if (model == null || model.isBlank()) {
            throw BallastException.invalid("Give the 'model' to monitor.");
        }
        DriftSettings d = DriftSettings.defaults();
        String correction = f.string("correction");
        DriftSettings settings = new DriftSettings(orDefault(f.number("alpha"), d.alpha()),
                correction == null ? d.correction() : Correction.parse(correction), orDefault(f.number("threshold"), d.threshold()),
                orDefault(f.integer("min_samples"), d.minSamples()), d.psiBins());
        DriftMonitor m = monitors.create(actor, new NewMonitor(model, f.string("alias"), f.string("reference_dataset"),
                f.string("reference_version"), f.longValue("reference_window_from"), f.longValue("reference_window_to"),
                f.version("reference_window_version"), f.integer("current_rows"), f.integer("current_window_seconds"), f.strings("features"), settings,
                f.integer("schedule_seconds"), f.string("schedule_cron"), f.bool("enabled")));
        return HttpResponse.created(view(m));
    }

    @Get
    public List<MonitorView> list(@Nullable @QueryValue String model) {
        return monitors.list(model).stream().map(this::view).toList();
    }

    @Get("/{id}")
    public MonitorView get(@PathVariable long id) {
        return view(monitors.get(id));
    }

    @Patch("/{id}")
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Change a monitor's settings, schedule or enabled flag (pause with \"enabled\": false)",
            description = "Fields as on create, except model, alias and the reference, which cannot change. A field sent as null"
                    + " is cleared: \"current_window_seconds\": null (no time limit), \"features\": null (every numeric input),"
                    + " \"schedule_seconds\"/\"schedule_cron\": null (no schedule).")
    public MonitorView update(@Parameter(hidden = true) Actor actor, @PathVariable long id, @Nullable @Body String body) {
        MonitorFields f = new MonitorFields(body, CREATE_FIELDS, "a drift monitor change");
        for (String fixed : FIXED) {
            if (f.has(fixed)) {
                throw BallastException.invalid("'" + fixed + "' cannot be changed (a monitor's checks are only comparable against one"
                        + " model, alias and reference); create another monitor instead.");
            }
        }
        MonitorPatch patch = new MonitorPatch(f.change("current_rows", f::integer), f.change("current_window_seconds", f::integer),
                f.change("features", f::strings), f.change("alpha", f::number), f.change("correction", f::string),
                f.change("threshold", f::number), f.change("min_samples", f::integer), f.change("schedule_seconds", f::integer),
                f.change("schedule_cron", f::string), f.change("enabled", f::bool));
        return view(monitors.update(actor, id, patch));
    }

    @Delete("/{id}")
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Delete a monitor with its checks; its scheduled checks stop")
    public HttpResponse<Void> delete(@Parameter(hidden = true) Actor actor, @PathVariable long id) {
        monitors.delete(actor, id);
        return HttpResponse.noContent();
    }

    @Post("/{id}/check")
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Run the monitor's check now and store its result (answered in full, with histograms)")
    public CheckDetailView check(@PathVariable long id) {
        MonitorStore.StoredCheck c = monitors.check(id);
        return detail(monitors.check(id, c.id()));
    }

    @Get("/{id}/checks")
    @Operation(summary = "The monitor's checks, newest first, without histograms")
    public List<CheckView> checks(@PathVariable long id, @Nullable @QueryValue("max_results") Integer maxResults) {
        int limit = limit(maxResults, 20);
        return monitors.checks(id, limit).stream()
                .map(c -> new CheckView(c.id(), c.monitorId(), c.checkedAt(), version(c.modelVersion()), c.verdict(), c.driftedShare(),
                        c.currentRows(), c.workflowId(), c.retraining(), parse(c.reportJson())))
                .toList();
    }

    @Get("/{id}/checks/{checkId}")
    @Operation(summary = "One check in full: per-feature results and the reference and current histograms of each numeric feature"
            + " (20 equal-width bins over both sides' range)")
    public CheckDetailView checkDetail(@PathVariable long id, @PathVariable long checkId) {
        return detail(monitors.check(id, checkId));
    }

    @Get("/{id}/series")
    @Operation(summary = "One feature's statistic, p-values, PSI and verdict in the monitor's newest checks, oldest first")
    public SeriesView series(@PathVariable long id, @Nullable @QueryValue String feature,
                             @Nullable @QueryValue("max_results") Integer maxResults) {
        if (feature == null || feature.isBlank()) {
            throw BallastException.invalid("Give the 'feature' whose series to read.");
        }
        int limit = limit(maxResults, 100);
        List<SeriesPointView> points = monitors.series(id, feature, limit).stream()
                .map(p -> new SeriesPointView(p.checkId(), p.checkedAt(), version(p.modelVersion()), p.verdict(), p.statistic(), p.pValue(),
                        p.adjustedPValue(), p.psi()))
                .toList();
        return new SeriesView(id, feature, points);
    }

    private MonitorView view(DriftMonitor m) {
        return MonitorView.of(m, monitors.nextCheck(m.id()).orElse(null));
    }

    private CheckDetailView detail(MonitorStore.CheckDetail d) {
        MonitorStore.StoredCheck c = d.check();
        return new CheckDetailView(c.id(), c.monitorId(), c.checkedAt(), version(c.modelVersion()), c.verdict(), c.driftedShare(),
                c.currentRows(), c.workflowId(), c.retraining(), parse(c.reportJson()), d.histogramsJson() == null ? null : parse(d.histogramsJson()));
    }

    private Object parse(String stored) {
        try {
            return json.readValue(stored, Object.class);
        } catch (IOException e) {
            return stored;
        }
    }

    private static int limit(@Nullable Integer maxResults, int fallback) {
        int limit = maxResults == null ? fallback : maxResults;
        if (limit < 1 || limit > 1000) {
            throw BallastException.invalid("Invalid max_results " + limit + ": it must be between 1 and 1000.");
        }
        return limit;
    }

    private static String version(@Nullable Integer v) {
        return v == null ? null : String.valueOf(v);
    }

    private static <T> T orDefault(@Nullable T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        HashSet<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
