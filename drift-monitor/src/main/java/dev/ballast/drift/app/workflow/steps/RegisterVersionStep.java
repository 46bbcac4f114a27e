package dev.ballast.drift.app.workflow.steps;

import dev.ballast.drift.app.workflow.RetrainingActor;
import dev.ballast.drift.app.workflow.StepAction;
import dev.ballast.drift.app.workflow.StepContext;
import dev.ballast.drift.app.workflow.StepResult;
import dev.ballast.drift.domain.workflow.StepName;
import dev.ballast.drift.domain.workflow.Workflow;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.app.VersionRegistration;
import dev.ballast.registry.app.card.ModelCardService;
import dev.ballast.registry.domain.model.ModelStore;
import dev.ballast.registry.domain.model.ModelVersion;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 4: registers the produced model as a new version of the model (Ballast inspects it and
 * judges it against the gates of the protected target, as for any registration) and writes its
 * card: the people-written sections of the current version's card carried over, and a note saying
 * how this version came to be. In one transaction with the step's completion; a version of the
 * workflow's run that already exists is taken instead of registering another.
 */
@Singleton
public class RegisterVersionStep implements StepAction {
    private static final List<String> CARRIED_SECTIONS = List.of("description", "intended_use", "limitations", "ethical_considerations");

    private final RegistryService registry;
    private final ModelStore models;
    private final VersionRegistration registration;
    private final ModelCardService cards;
    private final BaseVersion base;

    public RegisterVersionStep(RegistryService registry, ModelStore models, VersionRegistration registration, ModelCardService cards,
                               BaseVersion base) {
        this.registry = registry;
        this.models = models;
        this.registration = registration;
        this.cards = cards;
        this.base = base;
    }

    @Override
    public StepName name() {
        return StepName.REGISTER_VERSION;
    }

    @Override
    public boolean atomic() {
        return true;
    }

    @Override
    public StepResult run(StepContext context) {
        Workflow w = context.workflow();
        Map<String, Object> produced = context.has(StepName.LOG_RUN) ? context.output(StepName.LOG_RUN)
                : context.output(StepName.AWAIT_CALLBACK);
        String runId = StepContext.string(produced, "run_id");
        String source = StepContext.string(produced, "source");
        registry.lockModel(w.model());
        Optional<ModelVersion> existing = models.versionsOfRuns(List.of(runId)).stream()
                .filter(v -> v.modelName().equals(w.model())).findFirst();
        ModelVersion v = existing.orElseGet(() -> register(context, runId, source));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", v.version());
        out.put("kind", v.kind().code());
        out.put("source", v.source());
        out.put("run_id", runId);
        return StepResult.done(out);
    }

    private ModelVersion register(StepContext context, String runId, String source) {
        Workflow w = context.workflow();
        ModelVersion current = base.of(w);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(LogRunStep.WORKFLOW_TAG, String.valueOf(w.id()));
        tags.put("ballast.retrained_from", String.valueOf(current.version()));
        String description = "Retrained from " + current.label() + " by workflow #" + w.id()
                + (w.checkId() != null ? " after drift check #" + w.checkId() : "") + ".";
        ModelVersion created = registration.register(RetrainingActor.ACTOR,
                new RegistryService.NewVersion(w.model(), source, runId, tags, null, description));
        cards.edit(RetrainingActor.ACTOR, w.model(), String.valueOf(created.version()), cardSections(context, current));
        return created;
    }

    private Map<String, String> cardSections(StepContext context, ModelVersion current) {
        Map<String, Object> before = cards.card(current.modelName(), String.valueOf(current.version()));
        Map<String, String> edits = new LinkedHashMap<>();
        for (String section : CARRIED_SECTIONS) {
            if (before.get(section) instanceof String text && !text.isBlank()) {
                edits.put(section, text);
            }
        }
        Workflow w = context.workflow();
        StringBuilder notes = new StringBuilder("Retrained by Ballast workflow #").append(w.id()).append(" (").append(w.trigger())
                .append(w.checkId() != null ? ", drift check #" + w.checkId() : "").append(") with the recipe of ")
                .append(current.label()).append(". Reason: ").append(w.reason());
        if (context.has(StepName.CHOOSE_DATA)) {
            Map<String, Object> data = context.output(StepName.CHOOSE_DATA);
            notes.append(" Data: ").append(data.get("dataset")).append(" v").append(data.get("version")).append(" (commit ")
                    .append(data.get("commit")).append(").");
        }
        edits.put("notes", notes.toString());
        return edits;
    }
}
