package dev.ballast.ui.registry;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.app.card.ModelCardService;
import dev.ballast.registry.app.gate.GateService;
import dev.ballast.registry.app.gate.VersionMetrics;
import dev.ballast.registry.app.promotion.PromotionService;
import dev.ballast.registry.app.serving.ServingSettings;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegisteredModel;
import dev.ballast.registry.domain.promotion.Promotion;
import dev.ballast.registry.domain.promotion.Target;
import dev.ballast.ui.shell.Htmx;
import dev.ballast.ui.shell.FormFields;
import dev.ballast.ui.shell.PageModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's model pages: the list of registered models, one model (versions with aliases,
 * stages, gate results and sources; its champion's card and lineage; rollback for reviewers) and
 * one version (card, gates, metrics, lineage; the promotion request form for engineers). The two
 * actions post with htmx and go through the promotion service, which applies the same rules as
 * the API; the role is checked here too, before anything else, so a forged post gets 403.
 */
@Hidden
@Controller("/ui/models")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ModelsPage {
    static final int MODELS_PAGE = 25;
    static final int VERSIONS_PAGE = 25;
    private static final int RECENT_PROMOTIONS = 10;

    private final RegistryService registry;
    private final ModelCardService cards;
    private final GateService gates;
    private final VersionMetrics metrics;
    private final PromotionService promotions;
    private final ServingSettings serving;
    private final Lineage lineage;

    public ModelsPage(RegistryService registry, ModelCardService cards, GateService gates, VersionMetrics metrics,
                      PromotionService promotions, ServingSettings serving, Lineage lineage) {
        this.registry = registry;
        this.cards = cards;
        this.gates = gates;
        this.metrics = metrics;
        this.promotions = promotions;
        this.serving = serving;
        this.lineage = lineage;
    }

    /** One row of the models list: the model and its newest version number (null when it has none). */
    public record ModelRow(RegisteredModel model, Integer latestVersion) {
    }

    @Get
    @View("registry/models")
    public PageModel list(@QueryValue @Nullable String q, @QueryValue @Nullable String page) {
        String search = q == null ? "" : q.strip();
        String filter = search.isEmpty() ? null : "name ILIKE '%" + FilterText.likeLiteral(search) + "%'";
        RegistryService.ModelPage found = registry.searchModels(filter, MODELS_PAGE, List.of("last_updated_timestamp DESC", "name ASC"),
                page == null || page.isBlank() ? null : page);
        List<ModelRow> rows = found.models().stream()
                .map(m -> new ModelRow(m, m.latestVersions().stream().map(ModelVersion::version).max(Integer::compare).orElse(null)))
                .toList();
        return PageModel.of("models").with("q", search).with("models", rows).with("nextPage", found.nextPageToken());
    }

    /** One row of a model's versions table with its latest gate evaluation (null when never judged). */
    public record VersionRow(ModelVersion version, GateService.Evaluation gates) {
    }

    /** An approved promotion a reviewer can undo: the target's latest move, with the version it displaced. */
    public record Rollback(long promotionId, String target, int from, int to) {
    }

    @Get("/{name}")
    @View("registry/model")
    public PageModel model(Actor actor, @PathVariable String name, @QueryValue @Nullable String page) {
        RegisteredModel model = registry.getModel(name);
        RegistryService.VersionPage versions = registry.searchVersions("name = '" + FilterText.literal(name) + "'", VERSIONS_PAGE,
                List.of("version_number DESC"), page == null || page.isBlank() ? null : page);
        List<VersionRow> rows = versions.versions().stream().map(v -> new VersionRow(v, gates.latest(v).orElse(null))).toList();
        Optional<ModelVersion> featured = featured(model, versions.versions());
        List<Promotion> recent = promotions.list(name, null, 50, null);
        PageModel view = PageModel.of("models")
                .with("model", model)
                .with("versions", rows)
                .with("nextPage", versions.nextPageToken())
                .with("rules", gates.rules(name).expressions())
                .with("servingAlias", serving.defaultAlias())
                .with("recentPromotions", recent.stream().limit(RECENT_PROMOTIONS).toList())
                .with("canReview", actor.has(Role.REVIEWER))
                .with("rollbacks", actor.has(Role.REVIEWER) ? rollbacks(model, recent) : List.of());
        featured.ifPresent(v -> view
                .with("featured", v)
                .with("card", CardView.of(cards.card(name, String.valueOf(v.version()))))
                .with("lineage", lineage.inputs(v)));
        return view;
    }

    @Get("/{name}/versions/{version}")
    @View("registry/version")
    public PageModel version(Actor actor, @PathVariable String name, @PathVariable String version) {
        ModelVersion v = registry.getVersion(name, version);
        RegisteredModel model = registry.getModel(name);
        Map<String, Object> card = cards.card(name, String.valueOf(v.version()));
        List<Promotion> ofVersion = promotions.list(name, null, 50, null).stream().filter(p -> p.version() == v.version()).toList();
        return PageModel.of("models")
                .with("model", model)
                .with("v", v)
                .with("card", CardView.of(card))
                .with("metrics", metrics.of(v))
                .with("gates", gates.latest(v).orElse(null))
                .with("rules", gates.rules(name).expressions())
                .with("lineage", lineage.inputs(v))
                .with("promotions", ofVersion)
                .with("defaultAlias", serving.defaultAlias())
                .with("canRequest", actor.has(Role.ENGINEER));
    }

    /** Files a promotion request through the real service (gates are evaluated there) and opens it. */
    @Post(value = "/{name}/versions/{version}/promotions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ENGINEER)
    public HttpResponse<?> requestPromotion(HttpRequest<?> request, Actor actor, @PathVariable String name, @PathVariable String version,
                                            @Nullable @Body String body) {
        if (!actor.has(Role.ENGINEER)) {
            throw BallastException.denied("Only an ENGINEER may request a promotion.");
        }
        FormFields form = FormFields.parse(body);
        String alias = form.get("alias");
        String reason = form.get("reason");
        if (alias == null || alias.isBlank()) {
            throw BallastException.invalid("Name the alias to promote to, for example " + serving.defaultAlias() + ".");
        }
        if (reason == null || reason.isBlank()) {
            throw BallastException.invalid("Write a reason: reviewers read it next to the gate results.");
        }
        Promotion p = promotions.request(actor, name, version, Target.alias(alias.strip()), reason.strip(), null);
        return Htmx.redirect(request, "/ui/promotions/" + p.id());
    }

    /** A reviewer restores the version a promotion displaced (the promotion service's rollback, audited). */
    @Post(value = "/{name}/rollback", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.REVIEWER)
    public HttpResponse<?> rollback(HttpRequest<?> request, Actor actor, @PathVariable String name, @Nullable @Body String body) {
        if (!actor.has(Role.REVIEWER)) {
            throw BallastException.denied("Only a REVIEWER may roll back a promotion.");
        }
        FormFields form = FormFields.parse(body);
        long id = parseId(form.get("promotion"));
        String reason = form.get("reason");
        if (reason == null || reason.isBlank()) {
            throw BallastException.invalid("Write a reason for the rollback: it is kept in the audit log.");
        }
        Promotion p = promotions.get(id);
        if (!p.modelName().equals(name)) {
            throw BallastException.invalid("Promotion #" + id + " belongs to model '" + p.modelName() + "', not '" + name + "'.");
        }
        promotions.rollback(actor, id, reason.strip());
        return Htmx.redirect(request, UriBuilder.of("/ui/models").path(name).build().toString());
    }

    /** The version whose card the model page shows: the serving alias's holder, else the newest version. */
    private Optional<ModelVersion> featured(RegisteredModel model, List<ModelVersion> page) {
        Integer holder = model.aliases().get(serving.defaultAlias());
        if (holder != null) {
            return Optional.of(registry.version(model, holder));
        }
        return model.latestVersions().stream().max(Comparator.comparingInt(ModelVersion::version))
                .or(() -> page.stream().findFirst());
    }

    /** Per target, the newest approved promotion, if its version still holds the target and it displaced one. */
    private static List<Rollback> rollbacks(RegisteredModel model, List<Promotion> recent) {
        Map<Target, Promotion> latest = new LinkedHashMap<>();
        for (Promotion p : recent) {
            if (p.status() == dev.ballast.registry.domain.promotion.PromotionStatus.APPROVED) {
                latest.putIfAbsent(p.target(), p);
            }
        }
        return latest.values().stream()
                .filter(p -> p.target().kind() == Target.Kind.ALIAS && p.previousHolder() != null)
                .filter(p -> Integer.valueOf(p.version()).equals(model.aliases().get(p.target().name())))
                .map(p -> new Rollback(p.id(), p.target().describe(), p.version(), p.previousHolder()))
                .toList();
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw BallastException.invalid("Choose the promotion to roll back.");
        }
    }
}
