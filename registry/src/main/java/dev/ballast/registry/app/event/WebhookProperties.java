package dev.ballast.registry.app.event;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One webhook as configured under {@code ballast.webhooks.<name>}: {@code url}, {@code secret},
 * {@code events} (types or {@code *}, default all) and {@code max-attempts}. Raw values only;
 * {@link Webhooks} checks them at start-up and turns them into {@link Webhook}s.
 */
@EachProperty("ballast.webhooks")
public class WebhookProperties {
    private final String name;
    private String url;
    private String secret;
    private List<String> events;
    private Integer maxAttempts;

    public WebhookProperties(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    @Nullable
    public String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    @Nullable
    public String getSecret() {
        return secret;
    }

    public void setSecret(@Nullable String secret) {
        this.secret = secret;
    }

    @Nullable
    public List<String> getEvents() {
        return events;
    }

    public void setEvents(@Nullable List<String> events) {
        this.events = events;
    }

    @Nullable
    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(@Nullable Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }
}
