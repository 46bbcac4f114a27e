package dev.ballast.registry.api.serving;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.registry.app.serving.TrafficPolicyService;
import dev.ballast.registry.domain.serving.TrafficPolicy;
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

/** A model's serving traffic policy: none, canary (a share to a candidate) or shadow (a compared copy). REVIEWERs change it. */
@Controller("/api/v1/serving/{model}/policy")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Serving")
public class TrafficPolicyController {
    private final TrafficPolicyService policies;

    public TrafficPolicyController(TrafficPolicyService policies) {
        this.policies = policies;
    }

    /** A policy change: {@code mode} none, canary or shadow; the candidate; the canary's percent. */
    @Serdeable
    record PolicyRequest(@Nullable String mode, @Nullable @JsonProperty("candidate_version") String candidateVersion,
                         @Nullable Double percent) {
    }

    @Get
    public Map<String, Object> get(@PathVariable String model) {
        return TrafficPolicyService.state(policies.get(model));
    }

    @Put
    @RequiresRole(Role.REVIEWER)
    @Operation(summary = "Set the traffic policy (REVIEWER; audited): none, canary with candidate_version and percent, or shadow")
    public Map<String, Object> set(@Parameter(hidden = true) Actor actor, @PathVariable String model, @Body PolicyRequest body) {
        TrafficPolicy.Mode mode = TrafficPolicy.Mode.parse(body.mode());
        Integer candidate = body.candidateVersion() == null ? null
                : dev.ballast.registry.domain.model.RegistryNames.parseVersion(body.candidateVersion());
        return TrafficPolicyService.state(policies.set(actor, model, new TrafficPolicy(mode, candidate, body.percent())));
    }
}
