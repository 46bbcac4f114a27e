package dev.ballast.registry.api;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.registry.api.PromotionViews.Decision;
import dev.ballast.registry.api.PromotionViews.PromotionList;
import dev.ballast.registry.api.PromotionViews.PromotionRequest;
import dev.ballast.registry.api.PromotionViews.PromotionView;
import dev.ballast.registry.app.gate.GateReportJson;
import dev.ballast.registry.app.promotion.PromotionService;
import dev.ballast.registry.domain.promotion.Promotion;
import dev.ballast.registry.domain.promotion.PromotionStatus;
import dev.ballast.registry.domain.promotion.Target;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;

/**
 * Reviewed promotions: the only way to move a protected alias or stage. ENGINEERs request,
 * REVIEWERs (not the requester) approve, reject and roll back, ADMINs override failing gates.
 */
@Controller("/api/v1/promotions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Promotions")
public class PromotionsController {
    private final PromotionService promotions;
    private final GateReportJson reports;

    public PromotionsController(PromotionService promotions, GateReportJson reports) {
        this.promotions = promotions;
        this.reports = reports;
    }

    @Post
    @RequiresRole(Role.ENGINEER)
    @Operation(summary = "Request that a target (alias or stage) move to a version; the request carries the gate results")
    public HttpResponse<PromotionView> request(@Parameter(hidden = true) Actor actor, @Body PromotionRequest body) {
        if (body.model() == null || body.version() == null) {
            throw BallastException.invalid("Give 'model', 'version', one target ('alias' or 'stage') and a 'reason'.");
        }
        Promotion p = promotions.request(actor, body.model(), body.version(), Target.of(body.alias(), body.stage()), body.reason(),
                body.overrideReason());
        return HttpResponse.created(view(p));
    }

    @Get
    @Operation(summary = "Promotions, newest first, optionally of one model and/or in one status")
    public PromotionList list(@Nullable @QueryValue String model, @Nullable @QueryValue String status,
                              @Nullable @QueryValue("max_results") Integer maxResults,
                              @Nullable @QueryValue("before_id") Long beforeId) {
        int limit = maxResults == null ? 100 : maxResults;
        List<Promotion> page = promotions.list(model, parseStatus(status), limit, beforeId);
        Long next = page.size() == limit ? page.get(page.size() - 1).id() : null;
        return new PromotionList(page.stream().map(this::view).toList(), next);
    }

    @Get("/{id}")
    public PromotionView get(@PathVariable long id) {
        return view(promotions.get(id));
    }

    @Post("/{id}/approve")
    @RequiresRole(Role.REVIEWER)
    @Operation(summary = "Approve (a reviewer other than the requester): the target moves at once")
    public PromotionView approve(@Parameter(hidden = true) Actor actor, @PathVariable long id, @Nullable @Body Decision body) {
        return view(promotions.approve(actor, id, body == null ? null : body.comment()));
    }

    @Post("/{id}/reject")
    @RequiresRole(Role.REVIEWER)
    @Operation(summary = "Reject with a comment (a reviewer other than the requester)")
    public PromotionView reject(@Parameter(hidden = true) Actor actor, @PathVariable long id, @Nullable @Body Decision body) {
        return view(promotions.reject(actor, id, body == null ? null : body.comment()));
    }

    @Post("/{id}/override")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Let a request blocked by failing gates go to review, with a written reason (ADMIN)")
    public PromotionView override(@Parameter(hidden = true) Actor actor, @PathVariable long id, @Nullable @Body Decision body) {
        return view(promotions.override(actor, id, body == null ? null : body.reason()));
    }

    @Post("/{id}/rollback")
    @RequiresRole(Role.REVIEWER)
    @Operation(summary = "Restore the version an approved promotion displaced, in one step (REVIEWER)")
    public HttpResponse<PromotionView> rollback(@Parameter(hidden = true) Actor actor, @PathVariable long id,
                                                @Nullable @Body Decision body) {
        return HttpResponse.created(view(promotions.rollback(actor, id, body == null ? null : body.reason())));
    }

    private PromotionView view(Promotion p) {
        return PromotionView.of(p, reports);
    }

    private static PromotionStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PromotionStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BallastException.invalid("Invalid status '" + status + "'. Use one of PENDING, BLOCKED, APPROVED, REJECTED, SUPERSEDED.");
        }
    }
}
