package dev.ballast.registry.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.registry.app.event.WebhookAdministration.WebhookState;
import dev.ballast.registry.domain.event.Delivery;
import dev.ballast.registry.domain.event.DeliveryStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Response records of the webhooks API (snake_case). A webhook's secret is never part of them. */
public final class WebhookViews {

    private WebhookViews() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WebhookView(String name, String url, List<String> events,
                              @JsonProperty("max_attempts") int maxAttempts,
                              @JsonProperty("pending_deliveries") long pendingDeliveries,
                              @JsonProperty("failed_deliveries") long failedDeliveries) {
        static WebhookView of(WebhookState s) {
            return new WebhookView(s.webhook().name(), s.webhook().url().toString(), s.webhook().events().stream().sorted().toList(),
                    s.webhook().maxAttempts(), s.pending(), s.failed());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WebhooksResponse(List<WebhookView> webhooks) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(long id,
                               @JsonProperty("event_id") String eventId,
                               @JsonProperty("event_type") String eventType,
                               String webhook,
                               String status,
                               int attempts,
                               @JsonProperty("next_attempt_at") @Nullable Long nextAttemptAt,
                               @JsonProperty("last_attempt_at") @Nullable Long lastAttemptAt,
                               @JsonProperty("last_status_code") @Nullable Integer lastStatusCode,
                               @JsonProperty("last_error") @Nullable String lastError,
                               @JsonProperty("created_at") long createdAt,
                               @JsonProperty("delivered_at") @Nullable Long deliveredAt) {
        static DeliveryView of(Delivery d) {
            Long next = d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null;
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.webhook(), d.status().value(), d.attempts(), next,
                    d.lastAttemptAt(), d.lastStatusCode(), d.lastError(), d.createdAt(), d.deliveredAt());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeliveriesResponse(List<DeliveryView> deliveries) {
    }

    @Serdeable
    public record DeliveryResponse(DeliveryView delivery) {
    }
}
