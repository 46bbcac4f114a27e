package dev.ballast.registry.app.promotion;

import dev.ballast.registry.domain.promotion.Promotion;

import java.util.LinkedHashMap;
import java.util.Map;

/** A promotion as a JSON-able map: the state the audit log records and events carry. */
public final class PromotionViews {
    private PromotionViews() {
    }

    public static Map<String, Object> state(Promotion p) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", p.id());
        s.put("model", p.modelName());
        s.put("version", String.valueOf(p.version()));
        s.put(p.target().kind().code(), p.target().name());
        s.put("status", p.status().name());
        s.put("reason", p.reason());
        s.put("requested_by", p.requestedBy());
        s.put("gates_passed", p.gatesPassed());
        s.put("expected_holder", p.expectedHolder() == null ? null : String.valueOf(p.expectedHolder()));
        s.put("override_by", p.overrideBy());
        s.put("override_reason", p.overrideReason());
        s.put("decided_by", p.decidedBy());
        s.put("decision_comment", p.decisionComment());
        s.put("previous_holder", p.previousHolder() == null ? null : String.valueOf(p.previousHolder()));
        s.put("rollback_of", p.rollbackOf());
        s.put("superseded_by", p.supersededBy());
        s.values().removeIf(java.util.Objects::isNull);
        return s;
    }
}
