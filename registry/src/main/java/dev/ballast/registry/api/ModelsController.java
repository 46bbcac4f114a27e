package dev.ballast.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.core.error.BallastException;
import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.app.RegistrySettings;
import dev.ballast.registry.app.card.ModelCardMarkdown;
import dev.ballast.registry.app.card.ModelCardService;
import dev.ballast.registry.app.gate.GateReportJson;
import dev.ballast.registry.app.gate.GateService;
import dev.ballast.registry.domain.gate.GateRule;
import dev.ballast.registry.domain.gate.GateRuleSet;
import dev.ballast.registry.domain.gate.GateTemplates;
import dev.ballast.registry.domain.promotion.Target;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ballast's additions to a registered model: metric gates and model cards. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Models: gates and cards")
public class ModelsController {
    private final GateService gates;
    private final ModelCardService cards;
    private final RegistryService registry;
    private final RegistrySettings settings;

    public ModelsController(GateService gates, ModelCardService cards, RegistryService registry, RegistrySettings settings) {
        this.gates = gates;
        this.cards = cards;
        this.registry = registry;
        this.settings = settings;
    }

    /** New gates: an optional task-type template followed by rules. */
    @Serdeable
    record GatesRequest(@Nullable String template, @Nullable List<String> rules) {
    }

    @Serdeable
    record GatesView(String model, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> rules) {
    }

    /** Edits of the people-written card sections; an empty text clears one. */
    @Serdeable
    record CardEdit(@Nullable Map<String, String> sections) {
    }

    @Get("/gate-templates")
    @Operation(summary = "The default gates per task type, from Ballast's model standard")
    public Map<String, List<String>> templates() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        GateTemplates.all().forEach((task, rules) -> out.put(task.id(), rules.stream().map(GateRule::expression).toList()));
        return out;
    }

    @Get("/models/{name}/gates")
    public GatesView getGates(@PathVariable String name) {
        return new GatesView(name, gates.rules(name).expressions());
    }

    @Put("/models/{name}/gates")
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Replace a model's gates: a task-type template and/or rules such as metrics.r2 >= 0.75")
    public GatesView setGates(@Parameter(hidden = true) Actor actor, @PathVariable String name, @Body GatesRequest body) {
        GateRuleSet set = gates.setRules(actor, name, body.template(), body.rules() == null ? List.of() : body.rules());
        return new GatesView(name, set.expressions());
    }

    @Post("/models/{name}/versions/{version}/gates/evaluate")
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Judge a version against the model's gates for a target (default: the first protected alias, champion)")
    public Map<String, Object> evaluate(@Parameter(hidden = true) Actor actor, @PathVariable String name, @PathVariable String version,
                                        @Nullable @QueryValue String alias, @Nullable @QueryValue String stage) {
        Target target = alias == null && stage == null ? settings.defaultTarget() : Target.of(alias, stage);
        GateService.Evaluation e = gates.evaluate(actor, registry.getVersion(name, version), target);
        return evaluationView(e);
    }

    @Get("/models/{name}/versions/{version}/gates")
    @Operation(summary = "The latest gate results of a version")
    public Map<String, Object> latestEvaluation(@PathVariable String name, @PathVariable String version) {
        return gates.latest(registry.getVersion(name, version)).map(ModelsController::evaluationView)
                .orElseThrow(() -> BallastException.notFound("Version " + version + " of '" + name + "' was never evaluated."));
    }

    @Get(value = "/models/{name}/versions/{version}/spec", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "What Ballast recorded about a Ballast model: task, features, output, training recipe, Tribuo provenance")
    public HttpResponse<String> spec(@PathVariable String name, @PathVariable String version) {
        String spec = registry.getVersion(name, version).modelSpec();
        if (spec == null) {
            throw BallastException.notFound("Version " + version + " of '" + name + "' is a plain MLflow version: its source holds no"
                    + " Ballast model (model.tribuo with ballast-model.json).");
        }
        return HttpResponse.ok(spec).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/models/{name}/versions/{version}/card")
    @Operation(summary = "The model card (JSON): generated sections plus people's sections")
    public Map<String, Object> card(@PathVariable String name, @PathVariable String version) {
        return cards.card(name, version);
    }

    @Get(value = "/models/{name}/versions/{version}/card.md", produces = "text/markdown")
    @Operation(summary = "The model card as Markdown")
    public HttpResponse<String> cardMarkdown(@PathVariable String name, @PathVariable String version) {
        return HttpResponse.ok(ModelCardMarkdown.render(cards.card(name, version)))
                .contentType(MediaType.of("text/markdown; charset=utf-8"));
    }

    @Patch("/models/{name}/versions/{version}/card")
    @RequiresRole({Role.ENGINEER, Role.REVIEWER})
    @Operation(summary = "Edit the people-written sections (description, intended_use, training_period, limitations, "
            + "ethical_considerations, notes); each edit is a new, audited revision")
    public Map<String, Object> editCard(@Parameter(hidden = true) Actor actor, @PathVariable String name, @PathVariable String version,
                                        @Body CardEdit body) {
        return cards.edit(actor, name, version, body.sections() == null ? Map.of() : body.sections());
    }

    @Get("/models/{name}/versions/{version}/card/revisions")
    @Operation(summary = "Every revision of the people-written sections, oldest first")
    public List<Map<String, Object>> cardRevisions(@PathVariable String name, @PathVariable String version) {
        return cards.history(name, version).stream().map(r -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("revision", r.revision());
            out.put("edited_by", r.editedBy());
            out.put("edited_at", r.editedAt());
            out.put("sections", r.sections());
            return out;
        }).toList();
    }

    private static Map<String, Object> evaluationView(GateService.Evaluation e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", e.version().modelName());
        out.put("version", String.valueOf(e.version().version()));
        out.put("target", e.target());
        out.put("champion_version", e.championVersion() == null ? null : String.valueOf(e.championVersion()));
        out.put("evaluated_at", e.evaluatedAt());
        out.put("evaluated_by", e.evaluatedBy());
        out.putAll(GateReportJson.toMap(e.report()));
        return out;
    }
}
