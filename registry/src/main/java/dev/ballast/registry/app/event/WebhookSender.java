package dev.ballast.registry.app.event;

import dev.ballast.registry.domain.event.Delivery;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Makes one signed POST of a delivery to its webhook. Asynchronous, so one dispatcher thread
 * can wait on several receivers at once and a slow one does not hold back the others.
 * Redirects are not followed: the configured URL is the only place events go.
 */
@Singleton
public class WebhookSender {
    public static final String EVENT = "X-Ballast-Event";
    public static final String EVENT_ID = "X-Ballast-Event-Id";
    public static final String DELIVERY = "X-Ballast-Delivery";
    public static final String TIMESTAMP = "X-Ballast-Timestamp";
    public static final String SIGNATURE = "X-Ballast-Signature";
    private static final int ERROR_BODY_BYTES = 300;

    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(DeliverySettings.CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public WebhookSender(Clock clock) {
        this.clock = clock;
    }

    /** Sends the stored envelope; the future never fails, failures are outcomes. */
    public CompletableFuture<DeliveryOutcome> send(Webhook webhook, Delivery delivery) {
        byte[] body = delivery.envelope().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(DeliverySettings.REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Ballast-Webhooks")
                .header(EVENT, delivery.eventType())
                .header(EVENT_ID, delivery.eventId())
                .header(DELIVERY, Long.toString(delivery.id()))
                .header(TIMESTAMP, Long.toString(timestamp))
                .header(SIGNATURE, WebhookSignature.sign(webhook.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .thenApply(WebhookSender::outcome)
                    .exceptionally(e -> DeliveryOutcome.failure(e instanceof CompletionException && e.getCause() != null
                            ? e.getCause() : e));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(DeliveryOutcome.failure(e));
        }
    }

    private static DeliveryOutcome outcome(HttpResponse<InputStream> response) {
        // Only the start of a failure's body is kept (for the operators' last error); the rest is dropped unread.
        String start = "";
        try (InputStream in = response.body()) {
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                start = new String(in.readNBytes(ERROR_BODY_BYTES), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // the status is what counts
        }
        return DeliveryOutcome.of(response.statusCode(), start);
    }
}
