package dev.ballast.registry.app.promotion;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.registry.app.AuditLog;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.app.TargetMover;
import dev.ballast.registry.app.event.EventPublisher;
import dev.ballast.registry.app.gate.GateReportJson;
import dev.ballast.registry.app.gate.GateService;
import dev.ballast.registry.domain.event.RegistryEvent;
import dev.ballast.registry.domain.event.RegistryEventType;
import dev.ballast.registry.domain.model.ModelStore;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegisteredModel;
import dev.ballast.registry.domain.model.RegistryNames;
import dev.ballast.registry.domain.promotion.Promotion;
import dev.ballast.registry.domain.promotion.PromotionStatus;
import dev.ballast.registry.domain.promotion.PromotionStore;
import dev.ballast.registry.domain.promotion.Target;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reviewed promotions: an ENGINEER requests a move of a target (alias or stage) to a version;
 * the request carries the version's gate results for that target (failing gates block it unless
 * an ADMIN overrides with a written reason); a REVIEWER other than the requester approves or
 * rejects it. Approval moves the target atomically under the model's lock, remembers the holder
 * it displaced (what a rollback restores) and supersedes the target's other open requests, so
 * of two concurrent approvals for one target exactly one wins and the other is told why.
 */
@Singleton
public class PromotionService {
    private static final int MAX_TEXT = 5000;

    private final PromotionStore promotions;
    private final ModelStore models;
    private final RegistryService registry;
    private final TargetMover targets;
    private final GateService gates;
    private final GateReportJson reports;
    private final AuditLog audit;
    private final EventPublisher events;
    private final Clock clock;

    public PromotionService(PromotionStore promotions, ModelStore models, RegistryService registry, TargetMover targets,
                            GateService gates, GateReportJson reports, AuditLog audit, EventPublisher events, Clock clock) {
        this.promotions = promotions;
        this.models = models;
        this.registry = registry;
        this.targets = targets;
        this.gates = gates;
        this.reports = reports;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Files a request. With failing gates it is BLOCKED, unless {@code overrideReason} is given by
     * an ADMIN, which is recorded and lets it go to review.
     */
    @Transactional
    public Promotion request(Actor actor, String model, String version, Target target, String reason, String overrideReason) {
        requireText("reason", reason);
        boolean override = overrideReason != null && !overrideReason.isBlank();
        if (override) {
            requireAdmin(actor);
            requireText("override_reason", overrideReason);
        }
        RegisteredModel m = registry.lockModel(model);
        ModelVersion v = registry.version(m, RegistryNames.parseVersion(version));
        Integer holder = targets.holder(m.id(), target).orElse(null);
        if (holder != null && holder == v.version()) {
            throw new BallastException(ErrorCode.INVALID_STATE, v.label() + " already holds the " + target.describe() + ".");
        }
        for (Promotion open : promotions.openFor(m.id(), target)) {
            if (open.version() == v.version()) {
                throw BallastException.alreadyExists("Promotion #" + open.id() + " of " + v.label() + " to the " + target.describe()
                        + " is already open (" + open.status() + ").");
            }
        }
        GateService.Evaluation evaluation = gates.evaluate(actor, v, target);
        boolean passed = evaluation.report().passed();
        PromotionStatus status = passed || override ? PromotionStatus.PENDING : PromotionStatus.BLOCKED;
        long now = clock.millis();
        Promotion p = new Promotion(0, m.id(), m.name(), v.version(), target, reason, status, actor.username(), now, passed,
                reports.write(evaluation.report()), holder, override ? actor.username() : null, override ? overrideReason : null,
                null, null, null, null, null, null);
        long id = promotions.insert(p);
        Promotion created = promotions.find(id).orElseThrow();
        audit.record(actor, override ? "promotion.request_override" : "promotion.request", AuditLog.PROMOTION, String.valueOf(id),
                m.name(), null, PromotionViews.state(created));
        events.publish(new RegistryEvent(RegistryEventType.PROMOTION_REQUESTED, eventData(created)), actor.username());
        return created;
    }

    /** An ADMIN lets a BLOCKED request go to review, with a written reason that is kept. */
    @Transactional
    public Promotion override(Actor actor, long id, String reason) {
        requireAdmin(actor);
        requireText("reason", reason);
        Promotion p = lockAndRead(id);
        if (p.status() != PromotionStatus.BLOCKED) {
            throw new BallastException(ErrorCode.INVALID_STATE, "Promotion #" + id + " is " + p.status()
                    + "; only a BLOCKED request (failing gates) can be overridden.");
        }
        promotions.override(id, actor.username(), reason);
        Promotion after = promotions.find(id).orElseThrow();
        audit.record(actor, "promotion.override", AuditLog.PROMOTION, String.valueOf(id), p.modelName(), PromotionViews.state(p),
                PromotionViews.state(after));
        return after;
    }

    /** A REVIEWER other than the requester approves: the target moves now. */
    @Transactional
    public Promotion approve(Actor actor, long id, String comment) {
        Promotion p = lockAndRead(id);
        requireDecidable(actor, p);
        if (p.status() == PromotionStatus.BLOCKED) {
            throw new BallastException(ErrorCode.INVALID_STATE, "Promotion #" + id + " is blocked by failing gates: "
                    + String.join("; ", reports.read(p.gateReportJson()).failures().stream().map(r -> r.detail()).toList())
                    + ". An ADMIN may override with a written reason (POST /api/v1/promotions/" + id + "/override), or reject it.");
        }
        RegisteredModel m = models.findModel(p.modelId()).orElseThrow();
        ModelVersion v = registry.version(m, p.version());
        Integer holder = targets.holder(m.id(), p.target()).orElse(null);
        if (!java.util.Objects.equals(holder, p.expectedHolder())) {
            throw new BallastException(ErrorCode.RESOURCE_CONFLICT, "Promotion #" + id + " is superseded: the " + p.target().describe()
                    + " of '" + m.name() + "' moved since it was requested (then " + holderText(p.expectedHolder()) + ", now "
                    + holderText(holder) + "), so its gate results are stale. Reject it and request a new promotion.");
        }
        long now = clock.millis();
        Integer previous = targets.move(actor, v, p.target(), p.target().kind() == Target.Kind.STAGE, "promotion #" + id);
        promotions.decide(id, PromotionStatus.APPROVED, actor.username(), now, blankToNull(comment), previous);
        supersedeOthers(m.id(), p.target(), id, now);
        Promotion after = promotions.find(id).orElseThrow();
        audit.record(actor, "promotion.approve", AuditLog.PROMOTION, String.valueOf(id), m.name(), PromotionViews.state(p),
                PromotionViews.state(after));
        events.publish(new RegistryEvent(RegistryEventType.PROMOTION_APPROVED, eventData(after)), actor.username());
        return after;
    }

    /** A REVIEWER other than the requester turns a request down, saying why. */
    @Transactional
    public Promotion reject(Actor actor, long id, String comment) {
        requireText("comment", comment);
        Promotion p = lockAndRead(id);
        requireDecidable(actor, p);
        promotions.decide(id, PromotionStatus.REJECTED, actor.username(), clock.millis(), comment, null);
        Promotion after = promotions.find(id).orElseThrow();
        audit.record(actor, "promotion.reject", AuditLog.PROMOTION, String.valueOf(id), p.modelName(), PromotionViews.state(p),
                PromotionViews.state(after));
        events.publish(new RegistryEvent(RegistryEventType.PROMOTION_REJECTED, eventData(after)), actor.username());
        return after;
    }

    /**
     * Restores the holder an approved promotion displaced, in one step: a REVIEWER's rollback is
     * itself recorded as an approved promotion (rollback_of = the original), with the restored
     * version's gate results for the record. Only the latest move of a target can be rolled back.
     */
    @Transactional
    public Promotion rollback(Actor actor, long id, String reason) {
        requireText("reason", reason);
        Promotion p = lockAndRead(id);
        if (p.status() != PromotionStatus.APPROVED) {
            throw new BallastException(ErrorCode.INVALID_STATE, "Promotion #" + id + " is " + p.status()
                    + "; only an APPROVED promotion can be rolled back.");
        }
        if (p.previousHolder() == null) {
            throw new BallastException(ErrorCode.INVALID_STATE, "Promotion #" + id + " gave the " + p.target().describe()
                    + " its first holder; there is no previous version to restore.");
        }
        RegisteredModel m = models.findModel(p.modelId()).orElseThrow();
        Integer holder = targets.holder(m.id(), p.target()).orElse(null);
        if (holder == null || holder != p.version()) {
            throw new BallastException(ErrorCode.RESOURCE_CONFLICT, "The " + p.target().describe() + " of '" + m.name()
                    + "' has moved since promotion #" + id + " (now " + holderText(holder) + "); roll back the latest promotion instead.");
        }
        ModelVersion restored = registry.version(m, p.previousHolder());
        GateService.Evaluation evaluation = gates.evaluate(actor, restored, p.target());
        long now = clock.millis();
        Integer previous = targets.move(actor, restored, p.target(), p.target().kind() == Target.Kind.STAGE, "rollback of promotion #" + id);
        long rollbackId = promotions.insert(new Promotion(0, m.id(), m.name(), restored.version(), p.target(), reason,
                PromotionStatus.APPROVED, actor.username(), now, evaluation.report().passed(), reports.write(evaluation.report()), holder,
                null, null, actor.username(), now, reason, previous, id, null));
        supersedeOthers(m.id(), p.target(), rollbackId, now);
        Promotion created = promotions.find(rollbackId).orElseThrow();
        audit.record(actor, "promotion.rollback", AuditLog.PROMOTION, String.valueOf(rollbackId), m.name(), PromotionViews.state(p),
                PromotionViews.state(created));
        events.publish(new RegistryEvent(RegistryEventType.PROMOTION_APPROVED, eventData(created)), actor.username());
        return created;
    }

    public Promotion get(long id) {
        return promotions.find(id).orElseThrow(() -> BallastException.notFound("Promotion #" + id + " not found."));
    }

    public List<Promotion> list(String model, PromotionStatus status, int limit, Long beforeId) {
        if (limit < 1 || limit > 1000) {
            throw BallastException.invalid("Invalid limit " + limit + ": it must be between 1 and 1000.");
        }
        return promotions.list(model, status, limit, beforeId == null ? Long.MAX_VALUE : beforeId);
    }

    private Promotion lockAndRead(long id) {
        Promotion p = get(id);
        if (!models.lock(p.modelId())) {
            throw BallastException.notFound("The registered model of promotion #" + id + " ('" + p.modelName() + "') was deleted.");
        }
        return get(id);
    }

    private void requireDecidable(Actor actor, Promotion p) {
        if (p.status() == PromotionStatus.SUPERSEDED) {
            throw new BallastException(ErrorCode.RESOURCE_CONFLICT, "Promotion #" + p.id() + " was superseded: promotion #"
                    + p.supersededBy() + " moved the " + p.target().describe() + " of '" + p.modelName()
                    + "' first, so this request's gate results compare against a holder that is gone. Request a new promotion.");
        }
        if (!p.status().isOpen()) {
            throw new BallastException(ErrorCode.INVALID_STATE, "Promotion #" + p.id() + " was already " + p.status()
                    + " by " + p.decidedBy() + ".");
        }
        if (p.requestedBy().equals(actor.username())) {
            throw BallastException.denied("You requested promotion #" + p.id() + "; another reviewer must decide it (four-eyes rule).");
        }
    }

    private void supersedeOthers(long modelId, Target target, long winner, long now) {
        for (Promotion other : promotions.openFor(modelId, target)) {
            if (other.id() != winner) {
                promotions.supersede(other.id(), winner, now);
            }
        }
    }

    private static void requireAdmin(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw BallastException.denied("Only an ADMIN may override failing gates.");
        }
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw BallastException.invalid("Missing value for required parameter '" + field + "': say why.");
        }
        if (text.length() > MAX_TEXT) {
            throw BallastException.invalid("Parameter '" + field + "' is " + text.length() + " characters long; the maximum is " + MAX_TEXT + ".");
        }
    }

    private static String blankToNull(String s) {
        if (s != null && s.length() > MAX_TEXT) {
            throw BallastException.invalid("Parameter 'comment' is " + s.length() + " characters long; the maximum is " + MAX_TEXT + ".");
        }
        return s == null || s.isBlank() ? null : s;
    }

    private static String holderText(Integer holder) {
        return holder == null ? "no version" : "v" + holder;
    }

    private static Map<String, Object> eventData(Promotion p) {
        Map<String, Object> data = new LinkedHashMap<>(PromotionViews.state(p));
        data.remove("gate_report");
        return data;
    }
}
