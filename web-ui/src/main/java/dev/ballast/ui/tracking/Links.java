package dev.ballast.ui.tracking;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the links of the tracking pages: a path plus query parameters, each name and value
 * percent-encoded, parameters with an empty or null value left out. Pages link to their own
 * state (sort, filter, columns, page), so a view can be bookmarked and reloaded as it was.
 */
final class Links {
    private final StringBuilder url;
    private boolean first = true;

    private Links(String path) {
        this.url = new StringBuilder(path);
    }

    static Links to(String path) {
        return new Links(path);
    }

    /** A path segment, percent-encoded (spaces as {@code %20}, not {@code +}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Links param(String name, String value) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        url.append(first ? '?' : '&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        first = false;
        return this;
    }

    Links params(String name, Iterable<String> values) {
        values.forEach(v -> param(name, v));
        return this;
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
