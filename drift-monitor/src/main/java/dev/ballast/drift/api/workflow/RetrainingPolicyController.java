package dev.ballast.drift.api.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.drift.app.workflow.PolicyJson;
import dev.ballast.drift.app.workflow.RetrainingPolicies;
import dev.ballast.drift.domain.workflow.RetrainingPolicy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/** A model's retraining policy: read it, change it (the executor secret is shown only when set or rotated). */
@Controller("/api/v1/models/{model}/retraining")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Workflows")
public class RetrainingPolicyController {
    private final RetrainingPolicies policies;

    public RetrainingPolicyController(RetrainingPolicies policies) {
        this.policies = policies;
    }

    @Serdeable
    record PolicyRequest(@Nullable @JsonProperty("retrain_on_drift") Boolean retrainOnDrift, @Nullable String dataset,
                         @Nullable @JsonProperty("target_column") String targetColumn,
                         @Nullable @JsonProperty("target_alias") String targetAlias,
                         @Nullable @JsonProperty("train_fraction") Double trainFraction, @Nullable Long seed,
                         @Nullable @JsonProperty("cooldown_seconds") Integer cooldownSeconds,
                         @Nullable @JsonProperty("auto_promote") Boolean autoPromote, @Nullable String executor,
                         @Nullable @JsonProperty("webhook_url") String webhookUrl, @Nullable String secret,
                         @Nullable @JsonProperty("rotate_secret") Boolean rotateSecret) {
    }

    @Get
    @Operation(summary = "The model's retraining policy (defaults when none was set)")
    public Map<String, Object> get(@PathVariable String model) {
        return PolicyJson.map(policies.get(model), false);
    }

    @Put
    @RequiresRole({Role.ENGINEER, Role.REVIEWER})
    @Operation(summary = "Change the model's retraining policy; omitted fields keep their values; auto_promote needs a REVIEWER")
    public Map<String, Object> put(@Parameter(hidden = true) Actor actor, @PathVariable String model, @Body PolicyRequest r) {
        RetrainingPolicy before = policies.get(model);
        boolean rotate = Boolean.TRUE.equals(r.rotateSecret());
        RetrainingPolicy after = policies.change(actor, model, new RetrainingPolicies.Change(r.retrainOnDrift(), r.dataset(),
                r.targetColumn(), r.targetAlias(), r.trainFraction(), r.seed(), r.cooldownSeconds(), r.autoPromote(), r.executor(),
                r.webhookUrl(), r.secret(), rotate));
        boolean secretChanged = after.secret() != null && !after.secret().equals(before.secret());
        return PolicyJson.map(after, secretChanged);
    }
}
