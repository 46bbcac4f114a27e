package dev.ballast.registry.api.event;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.identity.RequiresRole;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.registry.api.event.WebhookViews.DeliveriesResponse;
import dev.ballast.registry.api.event.WebhookViews.DeliveryResponse;
import dev.ballast.registry.api.event.WebhookViews.DeliveryView;
import dev.ballast.registry.api.event.WebhookViews.WebhookView;
import dev.ballast.registry.api.event.WebhookViews.WebhooksResponse;
import dev.ballast.registry.app.event.WebhookAdministration;
import dev.ballast.registry.domain.event.DeliveryStatus;
import io.micronaut.core.annotation.Nullable;
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

import java.util.Arrays;
import java.util.Locale;

/**
 * Lets operators see where registry events went: the configured webhooks (never their secrets),
 * each one's recent deliveries with attempts and last error, and a way to re-queue a delivery
 * that failed for good once its receiver works again. ADMIN only: URLs and errors can reveal
 * internal hosts.
 */
@Controller("/api/v1/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
@RequiresRole(Role.ADMIN)
@Tag(name = "Webhooks")
public class WebhooksController {
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

    private final WebhookAdministration webhooks;

    public WebhooksController(WebhookAdministration webhooks) {
        this.webhooks = webhooks;
    }

    @Get
    @Operation(summary = "List the configured webhooks with their numbers of pending and failed deliveries")
    public WebhooksResponse list() {
        return new WebhooksResponse(webhooks.list().stream().map(WebhookView::of).toList());
    }

    @Get("/{name}/deliveries")
    @Operation(summary = "Recent deliveries of a webhook, newest first",
            description = "Each delivery shows its event, status (pending, delivered, failed), attempts, last HTTP status "
                    + "and error, and for a pending one when the next attempt is due.")
    public DeliveriesResponse deliveries(@PathVariable String name,
                                         @QueryValue @Nullable @Parameter(description = "pending, delivered or failed") String status,
                                         @QueryValue("max_results") @Nullable Integer maxResults) {
        int limit = maxResults == null ? DEFAULT_PAGE : maxResults;
        if (limit < 1 || limit > MAX_PAGE) {
            throw BallastException.invalid("'max_results' must be between 1 and " + MAX_PAGE + ".");
        }
        return new DeliveriesResponse(webhooks.deliveries(name, status(status), limit).stream().map(DeliveryView::of).toList());
    }

    @Post("/{name}/deliveries/{id}/retry")
    @Operation(summary = "Re-queue a failed delivery", description = "It is sent again at once, in event order, with a fresh "
            + "count of attempts. Only failed deliveries can be re-queued.")
    public DeliveryResponse retry(@Parameter(hidden = true) Actor actor, @PathVariable String name, @PathVariable long id) {
        return new DeliveryResponse(DeliveryView.of(webhooks.retry(actor, name, id)));
    }

    private static DeliveryStatus status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.of(status.trim());
        } catch (IllegalArgumentException e) {
            throw BallastException.invalid("'status' must be one of " + Arrays.stream(DeliveryStatus.values())
                    .map(DeliveryStatus::value).toList() + ", got '" + status.toLowerCase(Locale.ROOT) + "'.");
        }
    }
}
