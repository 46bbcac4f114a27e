/** JDBC adapter of the event outbox ({@code registry_events}, {@code webhook_deliveries}). */
package dev.ballast.registry.store.event;
