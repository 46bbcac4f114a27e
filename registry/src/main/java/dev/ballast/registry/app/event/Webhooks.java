package dev.ballast.registry.app.event;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The configured webhooks, checked when the application starts ({@code @Context}), so a wrong
 * URL or a missing secret stops start-up with a message instead of failing every delivery.
 */
@Context
public class Webhooks {
    private final List<Webhook> all;

    public Webhooks(List<WebhookProperties> configured) {
        List<Webhook> hooks = new ArrayList<>();
        for (WebhookProperties p : configured) {
            try {
                hooks.add(Webhook.of(p.getName(), p.getUrl(), p.getSecret(), p.getEvents(), p.getMaxAttempts()));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("Invalid webhook configuration: " + e.getMessage());
            }
        }
        hooks.sort(Comparator.comparing(Webhook::name));
        this.all = List.copyOf(hooks);
    }

    /** Every configured webhook, by name. */
    public List<Webhook> all() {
        return all;
    }

    public Optional<Webhook> find(String name) {
        return all.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /** Names of the webhooks that take events of the type. */
    public List<String> subscribers(String type) {
        return all.stream().filter(w -> w.accepts(type)).map(Webhook::name).toList();
    }
}
