package dev.ballast.registry.app.gate;

import dev.ballast.core.identity.domain.Actor;
import dev.ballast.registry.app.AuditLog;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.app.TargetMover;
import dev.ballast.registry.app.event.EventPublisher;
import dev.ballast.registry.domain.event.RegistryEvent;
import dev.ballast.registry.domain.event.RegistryEventType;
import dev.ballast.registry.domain.gate.GateReport;
import dev.ballast.registry.domain.gate.GateRule;
import dev.ballast.registry.domain.gate.GateRuleSet;
import dev.ballast.registry.domain.gate.GateStore;
import dev.ballast.registry.domain.gate.GateTemplates;
import dev.ballast.registry.domain.gate.TaskType;
import dev.ballast.registry.domain.model.ModelStore;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegisteredModel;
import dev.ballast.registry.domain.promotion.Target;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's metric gates: setting them (from rules and/or a task-type template) and judging a
 * version against them for a target, comparing with the target's current holder. Every
 * evaluation is stored with the version (the card shows the latest) and announced as an event.
 */
@Singleton
public class GateService {
    private final GateStore store;
    private final ModelStore models;
    private final RegistryService registry;
    private final TargetMover targets;
    private final VersionMetrics metrics;
    private final GateReportJson reports;
    private final AuditLog audit;
    private final EventPublisher events;
    private final Clock clock;

    public GateService(GateStore store, ModelStore models, RegistryService registry, TargetMover targets, VersionMetrics metrics,
                       GateReportJson reports, AuditLog audit, EventPublisher events, Clock clock) {
        this.store = store;
        this.models = models;
        this.registry = registry;
        this.targets = targets;
        this.metrics = metrics;
        this.reports = reports;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** One judged evaluation as stored. */
    public record Evaluation(long id, ModelVersion version, String target, Integer championVersion, GateReport report,
                             long evaluatedAt, String evaluatedBy) {
    }

    public GateRuleSet rules(String model) {
        return GateRuleSet.parse(store.rules(registry.getModel(model).id()));
    }

    /**
     * Replaces a model's gates with the template of {@code template} (if given) followed by
     * {@code rules}; duplicates and malformed rules are refused before anything changes.
     */
    @Transactional
    public GateRuleSet setRules(Actor actor, String model, String template, List<String> rules) {
        RegisteredModel m = registry.lockModel(model);
        List<GateRule> all = new ArrayList<>();
        if (template != null && !template.isBlank()) {
            all.addAll(GateTemplates.forTask(TaskType.parse(template)));
        }
        for (String r : rules) {
            all.add(GateRule.parse(r));
        }
        GateRuleSet set = GateRuleSet.of(all);
        List<String> before = store.rules(m.id());
        store.replaceRules(m.id(), set.expressions());
        audit.record(actor, "gates.set", AuditLog.GATES, model, model, Map.of("rules", before), Map.of("rules", set.expressions()));
        return set;
    }

    /**
     * Judges a version for a target in the caller's transaction (which should hold the model's
     * lock when the result decides a promotion), stores the result and announces it.
     */
    @Transactional
    public Evaluation evaluate(Actor actor, ModelVersion v, Target target) {
        GateRuleSet rules = GateRuleSet.parse(store.rules(v.modelId()));
        Optional<Integer> holder = targets.holder(v.modelId(), target).filter(h -> h != v.version());
        Map<String, Double> championMetrics = null;
        String championLabel = null;
        if (holder.isPresent()) {
            Optional<ModelVersion> champion = models.findVersion(v.modelId(), holder.get());
            if (champion.isPresent()) {
                championMetrics = metrics.of(champion.get());
                championLabel = champion.get().label();
            }
        }
        GateReport report = rules.evaluate(metrics.of(v), championMetrics, championLabel);
        long now = clock.millis();
        String targetText = target.kind().code() + ":" + target.name();
        long id = store.insertEvaluation(new GateStore.StoredEvaluation(0, v.modelId(), v.version(), targetText, holder.orElse(null),
                report.passed(), reports.write(report), now, actor.username()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("model", v.modelName());
        data.put("version", String.valueOf(v.version()));
        data.put("target", targetText);
        data.put("passed", report.passed());
        data.put("failures", report.failures().stream().map(r -> r.detail()).toList());
        events.publish(new RegistryEvent(RegistryEventType.GATE_EVALUATED, data), actor.username());
        return new Evaluation(id, v, targetText, holder.orElse(null), report, now, actor.username());
    }

    /** The newest evaluation of a version, if it was ever judged. */
    public Optional<Evaluation> latest(ModelVersion v) {
        return store.latestEvaluation(v.modelId(), v.version()).map(e -> new Evaluation(e.id(), v, e.target(), e.championVersion(),
                reports.read(e.reportJson()), e.evaluatedAt(), e.evaluatedBy()));
    }
}
