package dev.ballast.drift.app.workflow.steps;

import dev.ballast.drift.app.workflow.RetrainingActor;
import dev.ballast.drift.app.workflow.StepAction;
import dev.ballast.drift.app.workflow.StepContext;
import dev.ballast.drift.app.workflow.StepResult;
import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.app.TargetMover;
import dev.ballast.registry.app.promotion.PromotionService;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegisteredModel;
import dev.ballast.registry.domain.promotion.Promotion;
import dev.ballast.registry.domain.promotion.PromotionStore;
import dev.ballast.registry.domain.promotion.Target;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Step 6: asks reviewers to promote the new version to the target alias (a promotion request
 * carrying its gate results; blocked when gates fail). Only when the model's policy explicitly
 * allows auto-promotion and the gates passed does it move the alias itself, audited as such.
 */
@Singleton
public class OpenPromotionStep implements StepAction {
    private final RegistryService registry;
    private final PromotionService promotions;
    private final PromotionStore promotionStore;
    private final TargetMover targets;

    public OpenPromotionStep(RegistryService registry, PromotionService promotions, PromotionStore promotionStore, TargetMover targets) {
        this.registry = registry;
        this.promotions = promotions;
        this.promotionStore = promotionStore;
        this.targets = targets;
    }

    @Override
    public StepName name() {
        return StepName.OPEN_PROMOTION;
    }

    @Override
    public boolean atomic() {
        return true;
    }

    @Override
    public StepResult run(StepContext context) {
        Workflow w = context.workflow();
        Target target = Target.alias(context.policy().targetAlias());
        RegisteredModel m = registry.lockModel(w.model());
        ModelVersion v = registry.version(m, StepContext.integer(context.output(StepName.REGISTER_VERSION), "version"));
        boolean passed = Boolean.TRUE.equals(context.output(StepName.EVALUATE_GATES).get("passed"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("target", target.describe());
        if (context.policy().autoPromote() && passed) {
            Integer previous = targets.move(RetrainingActor.ACTOR, v, target, false,
                    "retraining workflow #" + w.id() + " (auto_promote policy, gates passed)");
            out.put("auto_promoted", true);
            out.put("previous_version", previous);
            return StepResult.done(out);
        }
        Optional<Promotion> open = promotionStore.openFor(m.id(), target).stream().filter(p -> p.version() == v.version()).findFirst();
        Promotion p = open.orElseGet(() -> promotions.request(RetrainingActor.ACTOR, w.model(), String.valueOf(v.version()), target,
                reason(context, v), null));
        out.put("auto_promoted", false);
        out.put("promotion_id", p.id());
        out.put("status", p.status().name().toLowerCase(java.util.Locale.ROOT));
        out.put("gates_passed", p.gatesPassed());
        return StepResult.done(out);
    }

    private static String reason(StepContext context, ModelVersion v) {
        Workflow w = context.workflow();
        StringBuilder s = new StringBuilder("Retraining workflow #").append(w.id()).append(": ").append(w.reason());
        if (context.has(StepName.TRAIN)) {
            s.append(" Holdout metrics of ").append(v.label()).append(": ").append(context.output(StepName.TRAIN).get("metrics")).append('.');
        }
        return s.toString();
    }
}
