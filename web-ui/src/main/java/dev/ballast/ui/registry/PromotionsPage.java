package dev.ballast.ui.registry;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.app.TargetMover;
import dev.ballast.registry.app.card.ModelCardService;
import dev.ballast.registry.app.gate.GateReportJson;
import dev.ballast.registry.app.gate.VersionMetrics;
import dev.ballast.registry.app.promotion.PromotionService;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegisteredModel;
import dev.ballast.registry.domain.promotion.Promotion;
import dev.ballast.registry.domain.promotion.PromotionStatus;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reviewer's queue and one promotion request: its gate results, the candidate's metrics
 * next to those of the version holding the target now, the card, the requester's reason, and
 * the decision form. The form is only drawn for a reviewer who did not file the request, and the
 * server refuses everyone else with 403 whatever they post: {@code @RequiresRole} in the filter,
 * the four-eyes check here and again in {@link PromotionService}.
 */
@Hidden
@Controller("/ui/promotions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PromotionsPage {
    static final int OPEN_LIMIT = 200;
    static final int DECIDED_PAGE = 25;
    static final int DECIDED_BATCH = 100;
    static final int DECIDED_SCANS = 5;

    private final PromotionService promotions;
    private final RegistryService registry;
    private final TargetMover targets;
    private final VersionMetrics metrics;
    private final GateReportJson reports;
    private final ModelCardService cards;

    public PromotionsPage(PromotionService promotions, RegistryService registry, TargetMover targets, VersionMetrics metrics,
                          GateReportJson reports, ModelCardService cards) {
        this.promotions = promotions;
        this.registry = registry;
        this.targets = targets;
        this.metrics = metrics;
        this.reports = reports;
        this.cards = cards;
    }

    @Get
    @View("registry/promotions")
    public PageModel queue(Actor actor, @QueryValue @Nullable Long before) {
        List<Promotion> open = new ArrayList<>(promotions.list(null, PromotionStatus.PENDING, OPEN_LIMIT, null));
        open.addAll(promotions.list(null, PromotionStatus.BLOCKED, OPEN_LIMIT, null));
        open.sort((a, b) -> Long.compare(a.id(), b.id()));
        List<Promotion> recent = decided(before);
        Long next = recent.size() == DECIDED_PAGE ? recent.get(recent.size() - 1).id() : null;
        return PageModel.of("promotions")
                .with("open", open)
                .with("decided", recent)
                .with("nextBefore", next)
                .with("canReview", actor.has(Role.REVIEWER));
    }

    /**
     * The newest decided requests below {@code before}: read newest first in bounded batches that
     * skip the open ones (listed above), at most {@value #DECIDED_SCANS} batches.
     */
    private List<Promotion> decided(Long before) {
        List<Promotion> out = new ArrayList<>();
        Long cursor = before;
        for (int scan = 0; scan < DECIDED_SCANS && out.size() < DECIDED_PAGE; scan++) {
            List<Promotion> batch = promotions.list(null, null, DECIDED_BATCH, cursor);
            for (Promotion p : batch) {
                if (!p.status().isOpen() && out.size() < DECIDED_PAGE) {
                    out.add(p);
                }
            }
            if (batch.size() < DECIDED_BATCH) {
                break;
            }
            cursor = batch.get(batch.size() - 1).id();
        }
        return out;
    }

    /**
     * One metric of the comparison.
     *
     * @param difference candidate minus champion; null when either is missing
     */
    public record MetricRow(String metric, Double candidate, Double champion, Double difference) {
        public boolean differs() {
            return difference == null ? candidate != null || champion != null : difference != 0.0;
        }
    }

    @Get("/{id}")
    @View("registry/promotion")
    public PageModel promotion(Actor actor, @PathVariable long id) {
        Promotion p = promotions.get(id);
        RegisteredModel model = registry.getModel(p.modelName());
        ModelVersion candidate = registry.version(model, p.version());
        Integer holder = targets.holder(model.id(), p.target()).orElse(null);
        // An open request is compared with the version holding the target now; a decided one with
        // the holder it was judged against (and, if approved, displaced).
        Integer compareWith = p.status().isOpen() ? holder : p.previousHolder() != null ? p.previousHolder() : p.expectedHolder();
        ModelVersion champion = compareWith == null || compareWith == p.version() ? null : versionIfExists(model, compareWith);
        Map<String, Double> mine = metrics.of(candidate);
        Map<String, Double> theirs = champion == null ? Map.of() : metrics.of(champion);
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(mine.keySet());
        keys.addAll(theirs.keySet());
        List<MetricRow> rows = keys.stream().map(k -> {
            Double a = mine.get(k);
            Double b = theirs.get(k);
            return new MetricRow(k, a, b, a != null && b != null ? a - b : null);
        }).toList();
        boolean requester = p.requestedBy().equals(actor.username());
        return PageModel.of("promotions")
                .with("p", p)
                .with("model", model)
                .with("candidate", candidate)
                .with("champion", champion)
                .with("holder", holder)
                .with("comparedWithCurrent", p.status().isOpen())
                .with("metricRows", rows)
                .with("report", reports.read(p.gateReportJson()))
                .with("card", CardView.of(cards.card(model.name(), String.valueOf(candidate.version()))))
                .with("isRequester", requester)
                .with("canDecide", p.status().isOpen() && actor.has(Role.REVIEWER) && !requester);
    }

    /** A version that may have been deleted since (a displaced holder can be): null then. */
    private ModelVersion versionIfExists(RegisteredModel model, int version) {
        try {
            return registry.version(model, version);
        } catch (BallastException e) {
            if (e.code() == dev.ballast.core.error.ErrorCode.RESOURCE_DOES_NOT_EXIST) {
                return null;
            }
            throw e;
        }
    }

    @Post(value = "/{id}/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.REVIEWER)
    public HttpResponse<?> approve(HttpRequest<?> request, Actor actor, @PathVariable long id, @Nullable @Body String body) {
        String text = checkDecision(actor, id, FormFields.parse(body).get("comment"), "approve");
        promotions.approve(actor, id, text);
        return Htmx.redirect(request, "/ui/promotions/" + id);
    }

    @Post(value = "/{id}/reject", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.REVIEWER)
    public HttpResponse<?> reject(HttpRequest<?> request, Actor actor, @PathVariable long id, @Nullable @Body String body) {
        String text = checkDecision(actor, id, FormFields.parse(body).get("comment"), "reject");
        promotions.reject(actor, id, text);
        return Htmx.redirect(request, "/ui/promotions/" + id);
    }

    /**
     * Who may decide comes first (403 for non-reviewers and the requester, whatever else the post
     * holds), then the comment, which the UI requires for both decisions.
     */
    private String checkDecision(Actor actor, long id, String comment, String verb) {
        if (!actor.has(Role.REVIEWER)) {
            throw BallastException.denied("Only a REVIEWER may " + verb + " a promotion.");
        }
        Promotion p = promotions.get(id);
        if (p.requestedBy().equals(actor.username())) {
            throw BallastException.denied("You requested promotion #" + id + "; another reviewer must decide it (four-eyes rule).");
        }
        if (comment == null || comment.isBlank()) {
            throw BallastException.invalid("Write a comment to " + verb + ": it is kept with the decision and in the audit log.");
        }
        return comment.strip();
    }
}
