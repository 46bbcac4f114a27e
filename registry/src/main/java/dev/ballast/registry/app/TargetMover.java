package dev.ballast.registry.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.registry.app.event.AfterCommit;
import dev.ballast.registry.app.event.EventPublisher;
import dev.ballast.registry.domain.event.RegistryEvent;
import dev.ballast.registry.domain.event.RegistryEventType;
import dev.ballast.registry.domain.model.ModelStore;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.Stage;
import dev.ballast.registry.domain.promotion.Target;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that moves aliases and stages, for direct MLflow calls and approved promotions
 * alike: it audits the move and emits its event. It does not decide whether a move is allowed;
 * callers do (protection, reviews). Callers hold the model's lock.
 */
@Singleton
public class TargetMover {
    private final ModelStore models;
    private final AuditLog audit;
    private final EventPublisher events;
    private final AfterCommit afterCommit;
    private final List<TargetMoves> listeners;
    private final Clock clock;

    public TargetMover(ModelStore models, AuditLog audit, EventPublisher events, AfterCommit afterCommit, List<TargetMoves> listeners,
                       Clock clock) {
        this.models = models;
        this.audit = audit;
        this.events = events;
        this.afterCommit = afterCommit;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** Tells the serving endpoints of this replica, once the transaction commits, that {@code model} changed. */
    public void announce(String model) {
        afterCommit.register("announcing a move of " + model, () -> listeners.forEach(l -> l.moved(model)));
    }

    /** The version holding a target: the alias's version, or the newest version in the stage. */
    public Optional<Integer> holder(long modelId, Target target) {
        if (target.kind() == Target.Kind.ALIAS) {
            return models.aliasTarget(modelId, target.name());
        }
        List<ModelVersion> in = models.versionsInStage(modelId, target.stage());
        return in.isEmpty() ? Optional.empty() : Optional.of(in.get(0).version());
    }

    /**
     * Moves {@code target} to {@code version} and answers the previous holder (null if none).
     *
     * @param archiveExisting for a stage target, also archive the other versions in that stage
     * @param via             what caused the move ({@code mlflow} or {@code promotion #17}), recorded
     */
    public Integer move(Actor actor, ModelVersion version, Target target, boolean archiveExisting, String via) {
        long now = clock.millis();
        announce(version.modelName());
        Integer previous = holder(version.modelId(), target).orElse(null);
        if (target.kind() == Target.Kind.ALIAS) {
            models.setAlias(version.modelId(), target.name(), version.version(), now);
            Map<String, Object> before = previous == null ? null : Map.of("alias", target.name(), "version", previous);
            audit.record(actor, "alias.set", AuditLog.MODEL, version.modelName(), version.modelName(), before,
                    Map.of("alias", target.name(), "version", version.version(), "via", via));
            events.publish(new RegistryEvent(RegistryEventType.ALIAS_MOVED, eventData(version, target, previous, via)), actor.username());
            return previous;
        }
        Stage stage = target.stage();
        if (archiveExisting && !stage.archivesOthers()) {
            throw BallastException.invalid("Model version transition cannot archive existing model versions because '" + stage.label()
                    + "' is not an Active stage. Valid stages are Staging and Production.");
        }
        if (archiveExisting) {
            for (ModelVersion other : models.versionsInStage(version.modelId(), stage)) {
                if (other.version() != version.version()) {
                    transition(actor, other, Stage.ARCHIVED, via, now);
                }
            }
        }
        transition(actor, version, stage, via, now);
        return previous != null && previous == version.version() ? null : previous;
    }

    private void transition(Actor actor, ModelVersion v, Stage stage, String via, long now) {
        models.updateVersionStage(v.modelId(), v.version(), stage, now);
        audit.record(actor, "stage.transition", AuditLog.VERSION, v.modelName() + "/" + v.version(), v.modelName(),
                Map.of("stage", v.stage().label()), Map.of("stage", stage.label(), "via", via));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("model", v.modelName());
        data.put("version", String.valueOf(v.version()));
        data.put("from_stage", v.stage().label());
        data.put("to_stage", stage.label());
        data.put("via", via);
        events.publish(new RegistryEvent(RegistryEventType.STAGE_TRANSITIONED, data), actor.username());
    }

    private static Map<String, Object> eventData(ModelVersion v, Target target, Integer previous, String via) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("model", v.modelName());
        data.put("alias", target.name());
        data.put("version", String.valueOf(v.version()));
        if (previous != null) {
            data.put("previous_version", String.valueOf(previous));
        }
        data.put("via", via);
        return data;
    }
}
