package dev.ballast.registry.app.event;

import dev.ballast.registry.domain.event.RegistryEventType;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A checked webhook: where events go, the secret that signs them, which event types it takes
 * and how many attempts a delivery gets before it is marked failed. Built only by
 * {@link #of}, which refuses what would fail later (a non-HTTP URL, an empty secret, a typo in
 * an event type) with a message naming the configuration key.
 */
public record Webhook(String name, URI url, String secret, Set<String> events, int maxAttempts) {
    public static final int DEFAULT_MAX_ATTEMPTS = 12;
    public static final int MAX_MAX_ATTEMPTS = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public Webhook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        events = Set.copyOf(events);
    }

    /** Checks configured values; {@code events} null or empty means every type. */
    public static Webhook of(String name, String url, String secret, List<String> events, Integer maxAttempts) {
        String key = "ballast.webhooks." + name;
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Webhook name '" + name + "' must be 1-100 letters, digits, '.', '_' or '-'.");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(key + ".url is required.");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ".url is not a valid URL: '" + url + "'.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(key + ".url must be an http:// or https:// URL with a host, got '" + url + "'.");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(key + ".secret must not be empty: receivers verify every event's signature with it.");
        }
        int attempts = maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts;
        if (attempts < 1 || attempts > MAX_MAX_ATTEMPTS) {
            throw new IllegalArgumentException(key + ".max-attempts must be between 1 and " + MAX_MAX_ATTEMPTS + ", got " + attempts + ".");
        }
        return new Webhook(name, uri, secret, eventFilter(key, events), attempts);
    }

    private static Set<String> eventFilter(String key, List<String> events) {
        if (events == null || events.isEmpty()) {
            return Set.of(RegistryEventType.ANY);
        }
        Set<String> filter = new TreeSet<>();
        for (String raw : events) {
            String type = raw == null ? "" : raw.trim();
            if (!type.equals(RegistryEventType.ANY) && !RegistryEventType.isKnown(type)) {
                throw new IllegalArgumentException(key + ".events names an unknown event type '" + type + "'; known types: "
                        + String.join(", ", RegistryEventType.ALL) + " (or * for all).");
            }
            filter.add(type);
        }
        return filter;
    }

    /** Whether this webhook subscribes to events of the type. */
    public boolean accepts(String type) {
        return events.contains(RegistryEventType.ANY) || events.contains(type);
    }

    /** Never shows the secret (this record ends up in logs and error messages). */
    @Override
    public String toString() {
        return "Webhook[name=" + name + ", url=" + url + ", events=" + events + ", maxAttempts=" + maxAttempts + "]";
    }
}
