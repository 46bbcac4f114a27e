package dev.ballast.registry.api.serving;

import dev.ballast.core.error.BallastException;
import dev.ballast.registry.app.serving.Endpoint;
import dev.ballast.registry.app.serving.Prediction;
import dev.ballast.registry.app.serving.PredictionService;
import dev.ballast.registry.app.serving.ServingSettings;
import dev.ballast.registry.app.serving.ServingTable;
import dev.ballast.registry.app.serving.ShadowStats;
import dev.ballast.registry.app.serving.TrafficPolicyService;
import dev.ballast.registry.domain.model.RegistryNames;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The serving endpoints: a stable URL per model whose answering version is decided by approved
 * promotions ({@code /serving/{model}/predict} follows the default alias, {@code {model}@{alias}}
 * another alias, {@code /versions/{v}} pins one), plus MLflow's scoring format at
 * {@code /invocations}. Every answer names the version that computed it.
 */
@Controller("/serving")
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.ALL})
@Tag(name = "Serving")
public class ServingController {
    static final String REQUEST_KEY = "X-Ballast-Request-Key";

    private final PredictionService predictions;
    private final ServingTable table;
    private final ServingSettings settings;
    private final TrafficPolicyService policies;
    private final ShadowStats shadows;

    public ServingController(PredictionService predictions, ServingTable table, ServingSettings settings, TrafficPolicyService policies,
                             ShadowStats shadows) {
        this.predictions = predictions;
        this.table = table;
        this.settings = settings;
        this.policies = policies;
        this.shadows = shadows;
    }

    @Post(value = "/{model}/predict", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Predict with the version behind the model's serving alias ({model}) or another alias ({model}@{alias}):"
            + " {\"inputs\": {...}} or {\"instances\": [...]}")
    public HttpResponse<byte[]> predict(@PathVariable String model, @Body @Nullable byte[] body,
                                        @Nullable @Header(REQUEST_KEY) String requestKey) {
        return ok(PredictionJson.ballast(predictions.predict(target(model), body, requestKey, "predict")));
    }

    @Post(value = "/{model}/versions/{version}/predict", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Predict with one pinned version")
    public HttpResponse<byte[]> predictVersion(@PathVariable String model, @PathVariable String version, @Body @Nullable byte[] body) {
        PredictionService.Target target = new PredictionService.Target(model, null, RegistryNames.parseVersion(version));
        return ok(PredictionJson.ballast(predictions.predict(target, body, null, "predict")));
    }

    @Post(value = "/{model}/invocations", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "MLflow's scoring protocol: dataframe_split, dataframe_records, instances or inputs;"
            + " answers {\"predictions\": [...]}")
    public HttpResponse<byte[]> invocations(@PathVariable String model, @Body @Nullable byte[] body,
                                            @Nullable @Header(REQUEST_KEY) String requestKey) {
        return ok(PredictionJson.mlflow(predictions.predict(target(model), body, requestKey, "invocations")));
    }

    @Get("/{model}")
    @Operation(summary = "The endpoint: versions loaded, input schema, traffic split, shadow agreement")
    public Map<String, Object> describe(@PathVariable String model) {
        PredictionService.Target t = target(model);
        String alias = t.alias() == null ? settings.defaultAlias() : t.alias();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", t.model());
        out.put("alias", alias);
        try {
            Endpoint e = table.resolve(t.model(), alias);
            out.put("version", String.valueOf(e.primary().version()));
            out.put("switched_at", e.switchedAt());
            out.put("input_schema", e.primary().features().stream().map(f -> Map.of("name", f, "type", "double")).toList());
            out.put("task_type", e.primary().taskType().jsonName());
            out.put("traffic_in_effect", TrafficPolicyService.state(e.policy()));
            if (e.candidate() != null) {
                out.put("candidate_version", String.valueOf(e.candidate().version()));
            }
            if (e.pendingVersion() != null) {
                out.put("pending_version", String.valueOf(e.pendingVersion()));
            }
            if (e.loadError() != null) {
                out.put("load_error", e.loadError());
            }
        } catch (BallastException e) {
            out.put("status", e.code().name());
            out.put("message", e.getMessage());
        }
        out.put("traffic", TrafficPolicyService.state(policies.get(t.model())));
        out.put("endpoints", table.endpointsOf(t.model()).stream()
                .map(e -> Map.of("alias", e.alias(), "version", String.valueOf(e.primary().version()))).toList());
        out.put("shadow", shadows.of(t.model()));
        out.put("max_batch_rows", settings.maxBatchRows());
        return out;
    }

    /** {@code name} or {@code name@alias} (the alias after the last '@', as aliases cannot contain one). */
    static PredictionService.Target target(String segment) {
        int at = segment.lastIndexOf('@');
        if (at <= 0) {
            return new PredictionService.Target(segment, null, null);
        }
        return new PredictionService.Target(segment.substring(0, at), RegistryNames.requireAlias(segment.substring(at + 1)), null);
    }

    private static HttpResponse<byte[]> ok(byte[] json) {
        return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
