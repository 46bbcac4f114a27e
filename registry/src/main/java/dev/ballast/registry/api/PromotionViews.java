package dev.ballast.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.registry.app.gate.GateReportJson;
import dev.ballast.registry.domain.promotion.Promotion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** Request and response bodies of {@code /api/v1/promotions}. */
final class PromotionViews {
    private PromotionViews() {
    }

    /** A promotion request: exactly one of alias and stage. */
    @Serdeable
    record PromotionRequest(@Nullable String model, @Nullable String version, @Nullable String alias, @Nullable String stage,
                            @Nullable String reason, @Nullable @JsonProperty("override_reason") String overrideReason) {
    }

    /** A reviewer's or admin's decision text. */
    @Serdeable
    record Decision(@Nullable String comment, @Nullable String reason) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PromotionView(long id, String model, String version, @Nullable String alias, @Nullable String stage, String status,
                         String reason, @JsonProperty("requested_by") String requestedBy,
                         @JsonProperty("requested_at") long requestedAt,
                         @JsonProperty("gates_passed") boolean gatesPassed,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> gates,
                         @Nullable @JsonProperty("expected_holder") String expectedHolder,
                         @Nullable @JsonProperty("override_by") String overrideBy,
                         @Nullable @JsonProperty("override_reason") String overrideReason,
                         @Nullable @JsonProperty("decided_by") String decidedBy,
                         @Nullable @JsonProperty("decided_at") Long decidedAt,
                         @Nullable @JsonProperty("decision_comment") String decisionComment,
                         @Nullable @JsonProperty("previous_holder") String previousHolder,
                         @Nullable @JsonProperty("rollback_of") Long rollbackOf,
                         @Nullable @JsonProperty("superseded_by") Long supersededBy) {

        static PromotionView of(Promotion p, GateReportJson reports) {
            boolean alias = p.target().kind() == dev.ballast.registry.domain.promotion.Target.Kind.ALIAS;
            return new PromotionView(p.id(), p.modelName(), String.valueOf(p.version()), alias ? p.target().name() : null,
                    alias ? null : p.target().name(), p.status().name(), p.reason(), p.requestedBy(), p.requestedAt(), p.gatesPassed(),
                    GateReportJson.toMap(reports.read(p.gateReportJson())), text(p.expectedHolder()), p.overrideBy(), p.overrideReason(),
                    p.decidedBy(), p.decidedAt(), p.decisionComment(), text(p.previousHolder()), p.rollbackOf(), p.supersededBy());
        }

        private static String text(Integer v) {
            return v == null ? null : String.valueOf(v);
        }
    }

    @Serdeable
    record PromotionList(@JsonInclude(JsonInclude.Include.ALWAYS) List<PromotionView> promotions,
                         @Nullable @JsonProperty("next_before_id") Long nextBeforeId) {
    }
}
