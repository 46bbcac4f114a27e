package dev.ballast.registry.app.event;

import io.micronaut.core.annotation.Nullable;

/**
 * What one attempt to deliver got: a 2xx (delivered), another status, or no answer at all.
 *
 * @param statusCode the receiver's HTTP status, null when the connection failed or timed out
 * @param error      for a failure, what operators see as the delivery's last error
 */
public record DeliveryOutcome(boolean delivered, @Nullable Integer statusCode, @Nullable String error) {

    static DeliveryOutcome of(int statusCode, String bodyStart) {
        if (statusCode >= 200 && statusCode < 300) {
            return new DeliveryOutcome(true, statusCode, null);
        }
        String error = "HTTP " + statusCode + (bodyStart.isBlank() ? "" : ": " + bodyStart.strip());
        return new DeliveryOutcome(false, statusCode, error);
    }

    static DeliveryOutcome failure(Throwable error) {
        String message = error.getMessage();
        return new DeliveryOutcome(false, null, error.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
}
