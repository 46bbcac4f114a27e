/**
 * Event delivery: {@link dev.ballast.registry.app.event.EventPublisher} writes events to the
 * outbox in the caller's transaction, {@link dev.ballast.registry.app.event.DeliveryDispatcher}
 * sends them to the configured webhooks, signed, with retries and backoff (at-least-once).
 */
package dev.ballast.registry.app.event;
