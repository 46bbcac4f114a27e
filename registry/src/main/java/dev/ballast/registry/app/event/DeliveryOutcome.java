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

    /** A connection failure or timeout, named by its exception and the first message along its causes. */
    static DeliveryOutcome failure(Throwable error) {
        String message = null;
        for (Throwable t = error; t != null && message == null; t = t.getCause() == t ? null : t.getCause()) {
            message = t.getMessage();
        }
        return new DeliveryOutcome(false, null, error.getClass().getSimpleName() + ": "
                + (message == null ? "no answer from the receiver" : message));
    }
}
