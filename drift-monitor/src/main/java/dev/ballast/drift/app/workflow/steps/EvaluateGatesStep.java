package dev.ballast.drift.app.workflow.steps;

import dev.ballast.drift.app.workflow.RetrainingActor;
import dev.ballast.drift.app.workflow.StepAction;
import dev.ballast.drift.app.workflow.StepContext;
import dev.ballast.drift.app.workflow.StepResult;
import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.app.gate.GateService;
import dev.ballast.registry.domain.gate.RuleResult;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.promotion.Target;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Step 5: judges the new version against the model's gates for the policy's target alias; the result is stored and shown on its card. */
@Singleton
public class EvaluateGatesStep implements StepAction {
    private final RegistryService registry;
    private final GateService gates;

    public EvaluateGatesStep(RegistryService registry, GateService gates) {
        this.registry = registry;
        this.gates = gates;
    }

    @Override
    public StepName name() {
        return StepName.EVALUATE_GATES;
    }

    @Override
    public boolean atomic() {
        return true;
    }

    @Override
    public StepResult run(StepContext context) {
        String version = StepContext.string(context.output(StepName.REGISTER_VERSION), "version");
        ModelVersion v = registry.getVersion(context.workflow().model(), version);
        GateService.Evaluation e = gates.evaluate(RetrainingActor.ACTOR, v, Target.alias(context.policy().targetAlias()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("evaluation_id", e.id());
        out.put("target", e.target());
        out.put("passed", e.report().passed());
        out.put("champion_version", e.championVersion());
        List<String> failures = e.report().failures().stream().map(EvaluateGatesStep::describe).toList();
        out.put("failures", failures);
        out.put("rules", e.report().results().size());
        return StepResult.done(out);
    }

    /** One failed rule in words. */
    private static String describe(RuleResult r) {
        return r.rule() + (r.detail() == null ? "" : " (" + r.detail() + ")");
    }
}
