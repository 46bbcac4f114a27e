package dev.ballast.drift.app.workflow;

import dev.ballast.drift.domain.workflow.Executor;
import dev.ballast.drift.domain.workflow.RetrainingPolicy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A retraining policy as a JSON object: the snapshot a workflow keeps and what the API shows
 * (the secret only when asked, never in snapshots shown to readers).
 */
public final class PolicyJson {
    private PolicyJson() {
    }

    public static Map<String, Object> map(RetrainingPolicy p, boolean withSecret) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", p.model());
        m.put("retrain_on_drift", p.retrainOnDrift());
        m.put("dataset", p.dataset());
        m.put("target_column", p.targetColumn());
        m.put("target_alias", p.targetAlias());
        m.put("train_fraction", p.trainFraction());
        m.put("seed", p.seed());
        m.put("cooldown_seconds", p.cooldownSeconds());
        m.put("auto_promote", p.autoPromote());
        m.put("executor", p.executor().id());
        m.put("webhook_url", p.webhookUrl());
        if (withSecret) {
            m.put("secret", p.secret());
        } else {
            m.put("secret_set", p.secret() != null);
        }
        m.put("updated_by", p.updatedBy());
        m.put("updated_at", p.updatedAt());
        return m;
    }

    static String write(WorkflowJson json, RetrainingPolicy p) {
        return json.write(map(p, true));
    }

    static RetrainingPolicy read(WorkflowJson json, String text) {
        Map<String, Object> m = json.read(text);
        return new RetrainingPolicy((String) m.get("model"), Boolean.TRUE.equals(m.get("retrain_on_drift")), (String) m.get("dataset"),
                (String) m.get("target_column"), (String) m.get("target_alias"), ((Number) m.get("train_fraction")).doubleValue(),
                ((Number) m.get("seed")).longValue(), ((Number) m.get("cooldown_seconds")).intValue(),
                Boolean.TRUE.equals(m.get("auto_promote")), Executor.parse((String) m.get("executor")), (String) m.get("webhook_url"),
                (String) m.get("secret"), (String) m.get("updated_by"), ((Number) m.get("updated_at")).longValue());
    }
}
