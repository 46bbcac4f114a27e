package dev.ballast.registry.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.registry.app.event.EventPublisher;
import dev.ballast.registry.domain.event.RegistryEvent;
import dev.ballast.registry.domain.event.RegistryEventType;
import dev.ballast.registry.domain.model.ModelKind;
import dev.ballast.registry.domain.model.ModelStore;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegisteredModel;
import dev.ballast.registry.domain.model.RegistryNames;
import dev.ballast.registry.domain.model.Stage;
import dev.ballast.registry.domain.promotion.Target;
import dev.ballast.registry.domain.search.RegistrySearchQuery;
import dev.ballast.tracking.domain.TrackingLimits;
import dev.ballast.tracking.domain.search.PageToken;
import dev.ballast.tracking.domain.search.SqlQuery;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MLflow's model registry use cases, with MLflow's rules and messages, plus Ballast's: every
 * mutation is audited, protected targets ({@link RegistrySettings}) only move through reviewed
 * promotions, and a version whose run holds a Tribuo model is checked and recorded as a Ballast
 * model. Each mutation locks its model first, so concurrent writers to one model queue.
 */
@Singleton
public class RegistryService {
    public static final int MODELS_DEFAULT_MAX_RESULTS = 100;
    public static final int MODELS_MAX_RESULTS = 1000;
    public static final int VERSIONS_DEFAULT_MAX_RESULTS = 10_000;
    public static final int VERSIONS_MAX_RESULTS = 200_000;
    private static final int MAX_DESCRIPTION = 5000;

    private final ModelStore models;
    private final TargetMover mover;
    private final RegistrySettings settings;
    private final ModelSources sources;
    private final VersionInspector inspector;
    private final AuditLog audit;
    private final EventPublisher events;
    private final Clock clock;

    public RegistryService(ModelStore models, TargetMover mover, RegistrySettings settings, ModelSources sources,
                           VersionInspector inspector, AuditLog audit, EventPublisher events, Clock clock) {
        this.models = models;
        this.mover = mover;
        this.settings = settings;
        this.sources = sources;
        this.inspector = inspector;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- registered models ----

    @Transactional
    public RegisteredModel createModel(Actor actor, String name, Map<String, String> tags, String description) {
        RegistryNames.requireModelName(name);
        checkTags(tags);
        checkDescription(description);
        if (models.findModel(name).isPresent()) {
            throw BallastException.alreadyExists("Registered Model (name=" + name + ") already exists.");
        }
        long id = models.insertModel(name, description, actor.username(), tags, clock.millis());
        RegisteredModel created = models.findModel(id).orElseThrow();
        audit.record(actor, "model.create", AuditLog.MODEL, name, name, null, Snapshots.of(created));
        return created;
    }

    public RegisteredModel getModel(String name) {
        RegistryNames.requireModelName(name);
        return models.findModel(name).orElseThrow(() -> modelNotFound(name));
    }

    @Transactional
    public RegisteredModel renameModel(Actor actor, String name, String newName) {
        RegistryNames.requireModelName(newName);
        RegisteredModel before = lockModel(name);
        if (!newName.equals(name) && models.findModel(newName).isPresent()) {
            throw BallastException.alreadyExists("Registered Model (name=" + newName + ") already exists.");
        }
        models.renameModel(before.id(), newName, clock.millis());
        RegisteredModel after = models.findModel(before.id()).orElseThrow();
        audit.record(actor, "model.rename", AuditLog.MODEL, newName, newName, Snapshots.of(before), Snapshots.of(after));
        return after;
    }

    @Transactional
    public RegisteredModel updateModel(Actor actor, String name, String description) {
        checkDescription(description);
        RegisteredModel before = lockModel(name);
        models.updateModelDescription(before.id(), description, clock.millis());
        RegisteredModel after = models.findModel(before.id()).orElseThrow();
        audit.record(actor, "model.update", AuditLog.MODEL, name, name, Snapshots.of(before), Snapshots.of(after));
        return after;
    }

    @Transactional
    public void deleteModel(Actor actor, String name) {
        RegisteredModel before = lockModel(name);
        for (ModelVersion v : allVersions(before)) {
            refuseIfHoldsProtected(v, "delete registered model '" + name + "'");
        }
        models.deleteModel(before.id());
        audit.record(actor, "model.delete", AuditLog.MODEL, name, name, Snapshots.of(before), null);
    }

    /** One page of models and the next page's token (null on the last page). */
    public record ModelPage(List<RegisteredModel> models, String nextPageToken) {
    }

    public ModelPage searchModels(String filter, Integer maxResults, List<String> orderBy, String pageToken) {
        int max = pageSize(maxResults, MODELS_DEFAULT_MAX_RESULTS, MODELS_MAX_RESULTS);
        long offset = PageToken.decode(pageToken);
        SqlQuery q = RegistrySearchQuery.models(filter, orderBy, offset, max + 1);
        List<Long> ids = models.searchModelIds(q.sql(), q.params());
        String next = ids.size() > max ? PageToken.encode(offset + max) : null;
        return new ModelPage(models.findModels(ids.subList(0, Math.min(ids.size(), max))), next);
    }

    /** MLflow's get-latest-versions: the newest version per requested stage (all stages when none). */
    public List<ModelVersion> latestVersions(String name, List<String> stages) {
        RegisteredModel m = getModel(name);
        List<Stage> wanted = new ArrayList<>();
        if (stages == null || stages.isEmpty()) {
            wanted.addAll(List.of(Stage.values()));
        } else {
            for (String s : stages) {
                Stage stage = Stage.parse(s);
                if (!wanted.contains(stage)) {
                    wanted.add(stage);
                }
            }
        }
        List<ModelVersion> out = new ArrayList<>();
        for (Stage stage : wanted) {
            List<ModelVersion> in = models.versionsInStage(m.id(), stage);
            if (!in.isEmpty()) {
                out.add(in.get(0));
            }
        }
        return out;
    }

    @Transactional
    public void setModelTag(Actor actor, String name, String key, String value) {
        checkTag(key, value);
        RegisteredModel before = lockModel(name);
        models.setModelTag(before.id(), key, value, clock.millis());
        audit.record(actor, "model.set_tag", AuditLog.MODEL, name, name, tagState(key, before.tags().get(key)), tagState(key, value));
    }

    @Transactional
    public void deleteModelTag(Actor actor, String name, String key) {
        RegisteredModel before = lockModel(name);
        if (!models.deleteModelTag(before.id(), key, clock.millis())) {
            throw BallastException.notFound("No tag with name: " + key + " in registered model " + name + ".");
        }
        audit.record(actor, "model.delete_tag", AuditLog.MODEL, name, name, tagState(key, before.tags().get(key)), null);
    }

    // ---- aliases ----

    @Transactional
    public void setAlias(Actor actor, String name, String alias, String version) {
        RegistryNames.requireAlias(alias);
        Target target = Target.alias(alias);
        refuseProtected(target, name);
        RegisteredModel m = lockModel(name);
        mover.move(actor, version(m, RegistryNames.parseVersion(version)), target, false, "mlflow");
    }

    @Transactional
    public void deleteAlias(Actor actor, String name, String alias) {
        RegistryNames.requireAlias(alias);
        refuseProtected(Target.alias(alias), name);
        RegisteredModel m = lockModel(name);
        Integer previous = m.aliases().get(alias);
        if (!models.deleteAlias(m.id(), alias, clock.millis())) {
            throw BallastException.notFound("Registered model alias " + alias + " not found.");
        }
        audit.record(actor, "alias.delete", AuditLog.MODEL, name, name, Map.of("alias", alias, "version", previous), null);
    }

    public ModelVersion versionByAlias(String name, String alias) {
        RegisteredModel m = getModel(name);
        Integer v = m.aliases().get(alias);
        if (v == null) {
            throw BallastException.notFound("Registered model alias " + alias + " not found.");
        }
        return version(m, v);
    }

    // ---- model versions ----

    /** A new version's fields as MLflow's create request carries them. */
    public record NewVersion(String name, String source, String runId, Map<String, String> tags, String runLink, String description) {
    }

    @Transactional
    public ModelVersion createVersion(Actor actor, NewVersion req) {
        RegistryNames.requireModelName(req.name());
        checkTags(req.tags());
        checkDescription(req.description());
        ModelSources.Resolved source = sources.resolve(req.source(), req.runId());
        VersionInspector.Inspection inspection = inspector.inspect(source);
        long modelId = models.lock(req.name()).orElseThrow(() -> modelNotFound(req.name()));
        int number = models.takeVersionNumber(modelId);
        long now = clock.millis();
        models.insertVersion(new ModelVersion(modelId, req.name(), number, now, now, actor.username(), Stage.NONE, req.description(),
                req.source(), source.runId(), req.runLink(), "READY", inspection.message(), req.tags(), List.of(), inspection.kind(),
                inspection.spec()));
        ModelVersion created = models.findVersion(modelId, number).orElseThrow();
        audit.record(actor, "version.create", AuditLog.VERSION, req.name() + "/" + number, req.name(), null, Snapshots.of(created));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("model", req.name());
        data.put("version", String.valueOf(number));
        data.put("source", req.source());
        if (source.runId() != null) {
            data.put("run_id", source.runId());
        }
        data.put("kind", created.kind().code());
        events.publish(new RegistryEvent(RegistryEventType.MODEL_VERSION_CREATED, data), actor.username());
        return created;
    }

    public ModelVersion getVersion(String name, String version) {
        return version(getModel(name), RegistryNames.parseVersion(version));
    }

    @Transactional
    public ModelVersion updateVersion(Actor actor, String name, String version, String description) {
        checkDescription(description);
        ModelVersion before = version(lockModel(name), RegistryNames.parseVersion(version));
        models.updateVersionDescription(before.modelId(), before.version(), description, clock.millis());
        ModelVersion after = models.findVersion(before.modelId(), before.version()).orElseThrow();
        audit.record(actor, "version.update", AuditLog.VERSION, name + "/" + before.version(), name, Snapshots.of(before),
                Snapshots.of(after));
        return after;
    }

    @Transactional
    public void deleteVersion(Actor actor, String name, String version) {
        ModelVersion before = version(lockModel(name), RegistryNames.parseVersion(version));
        refuseIfHoldsProtected(before, "delete " + before.label());
        models.deleteVersion(before.modelId(), before.version());
        audit.record(actor, "version.delete", AuditLog.VERSION, name + "/" + before.version(), name, Snapshots.of(before), null);
    }

    /** One page of versions and the next page's token (null on the last page). */
    public record VersionPage(List<ModelVersion> versions, String nextPageToken) {
    }

    public VersionPage searchVersions(String filter, Integer maxResults, List<String> orderBy, String pageToken) {
        int max = pageSize(maxResults, VERSIONS_DEFAULT_MAX_RESULTS, VERSIONS_MAX_RESULTS);
        long offset = PageToken.decode(pageToken);
        SqlQuery q = RegistrySearchQuery.versions(filter, orderBy, offset, max + 1);
        List<Map.Entry<Long, Integer>> keys = models.searchVersionKeys(q.sql(), q.params());
        String next = keys.size() > max ? PageToken.encode(offset + max) : null;
        return new VersionPage(models.findVersions(keys.subList(0, Math.min(keys.size(), max))), next);
    }

    @Transactional
    public ModelVersion transitionStage(Actor actor, String name, String version, String stage, boolean archiveExisting) {
        Stage to = Stage.parse(stage);
        refuseProtected(Target.stage(to), name);
        ModelVersion v = version(lockModel(name), RegistryNames.parseVersion(version));
        if (v.stage() != to && settings.isProtected(Target.stage(v.stage()))) {
            throw protectedTarget(Target.stage(v.stage()), name);
        }
        mover.move(actor, v, Target.stage(to), archiveExisting, "mlflow");
        return models.findVersion(v.modelId(), v.version()).orElseThrow();
    }

    public String downloadUri(String name, String version) {
        return sources.downloadUri(getVersion(name, version).source());
    }

    @Transactional
    public void setVersionTag(Actor actor, String name, String version, String key, String value) {
        checkTag(key, value);
        ModelVersion before = version(lockModel(name), RegistryNames.parseVersion(version));
        models.setVersionTag(before.modelId(), before.version(), key, value, clock.millis());
        audit.record(actor, "version.set_tag", AuditLog.VERSION, name + "/" + before.version(), name,
                tagState(key, before.tags().get(key)), tagState(key, value));
    }

    @Transactional
    public void deleteVersionTag(Actor actor, String name, String version, String key) {
        ModelVersion before = version(lockModel(name), RegistryNames.parseVersion(version));
        if (!models.deleteVersionTag(before.modelId(), before.version(), key, clock.millis())) {
            throw BallastException.notFound("No tag with name: " + key + " for model version " + before.label() + ".");
        }
        audit.record(actor, "version.delete_tag", AuditLog.VERSION, name + "/" + before.version(), name,
                tagState(key, before.tags().get(key)), null);
    }

    // ---- shared checks ----

    /** Locks the model for the rest of the transaction and reads it; 404 when it does not exist. */
    public RegisteredModel lockModel(String name) {
        RegistryNames.requireModelName(name);
        long id = models.lock(name).orElseThrow(() -> modelNotFound(name));
        return models.findModel(id).orElseThrow();
    }

    /** The version of a model; MLflow's 404 when it does not exist. */
    public ModelVersion version(RegisteredModel m, int version) {
        return models.findVersion(m.id(), version).orElseThrow(() ->
                BallastException.notFound("Model Version (name=" + m.name() + ", version=" + version + ") not found"));
    }

    private List<ModelVersion> allVersions(RegisteredModel m) {
        List<ModelVersion> out = new ArrayList<>();
        for (Stage s : Stage.values()) {
            out.addAll(models.versionsInStage(m.id(), s));
        }
        return out;
    }

    private void refuseProtected(Target target, String model) {
        if (settings.isProtected(target)) {
            throw protectedTarget(target, model);
        }
    }

    private void refuseIfHoldsProtected(ModelVersion v, String what) {
        if (settings.isProtected(Target.stage(v.stage()))) {
            throw new BallastException(ErrorCode.PERMISSION_DENIED, "Cannot " + what + ": " + v.label() + " is in the protected stage '"
                    + v.stage().label() + "'. Move it out with a reviewed promotion first (POST /api/v1/promotions).");
        }
        for (String alias : v.aliases()) {
            if (settings.isProtected(Target.alias(alias))) {
                throw new BallastException(ErrorCode.PERMISSION_DENIED, "Cannot " + what + ": " + v.label()
                        + " holds the protected alias '" + alias + "'. Promote another version to it first (POST /api/v1/promotions).");
            }
        }
    }

    private static BallastException protectedTarget(Target target, String model) {
        return new BallastException(ErrorCode.PERMISSION_DENIED, "The " + target.describe() + " of registered model '" + model
                + "' is protected: it only moves through a reviewed promotion. Request one with POST /api/v1/promotions"
                + " {\"model\": \"" + model + "\", \"version\": \"<version>\", \"" + target.kind().code() + "\": \"" + target.name()
                + "\", \"reason\": \"...\"}; a reviewer approves it.");
    }

    private static BallastException modelNotFound(String name) {
        return BallastException.notFound("Registered Model with name=" + name + " not found");
    }

    private static int pageSize(Integer maxResults, int defaultSize, int limit) {
        int max = maxResults == null ? defaultSize : maxResults;
        if (max < 1 || max > limit) {
            throw BallastException.invalid("Invalid value for request parameter max_results. It must be at most " + limit
                    + " and at least 1, but got value " + max);
        }
        return max;
    }

    private static void checkTags(Map<String, String> tags) {
        tags.forEach(RegistryService::checkTag);
    }

    private static void checkTag(String key, String value) {
        TrackingLimits.requireKey("key", key);
        if (value == null) {
            throw BallastException.invalid("Missing value for required parameter 'value'.");
        }
        TrackingLimits.requireTagValue(key, value);
    }

    private static void checkDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw BallastException.invalid("Parameter 'description' is " + description.length() + " characters long; the maximum is "
                    + MAX_DESCRIPTION + ".");
        }
    }

    private static Map<String, Object> tagState(String key, String value) {
        if (value == null) {
            return null;
        }
        return Map.of("key", key, "value", value);
    }
}
