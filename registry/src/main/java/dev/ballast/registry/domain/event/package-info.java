/**
 * Registry events (what happened to models, versions, aliases, promotions and gates) and the
 * port of their outbox: events and their per-webhook deliveries are rows written in the same
 * transaction as the change they describe.
 */
package dev.ballast.registry.domain.event;
