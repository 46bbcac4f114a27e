/** Operators' HTTP API of webhooks and their deliveries ({@code /api/v1/webhooks}, ADMIN only). */
package dev.ballast.registry.api.event;
