package dev.ballast.platform.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which paths answer without credentials. Everything else, including paths no route matches,
 * needs an authenticated caller, so an anonymous client learns nothing about what exists.
 */
@Singleton
public class AccessPolicy {
    /** The external executor's completion callback authenticates by its HMAC signature, not by a user. */
    private static final Pattern WORKFLOW_CALLBACK = Pattern.compile("/api/v1/workflows/[0-9]{1,18}/callback");

    private final List<String> openPrefixes;
    private final List<String> openExact;

    public AccessPolicy(@Value("${ballast.security.open-metrics:true}") boolean openMetrics) {
        this.openPrefixes = List.of("/health/", "/openapi/", "/swagger/", "/ui/assets/");
        this.openExact = openMetrics
                ? List.of("/health", "/openapi", "/prometheus", "/favicon.ico", "/ui/login")
                : List.of("/health", "/openapi", "/favicon.ico", "/ui/login");
    }

    /** The web UI's pages, which authenticate with a session cookie instead of credentials on every request. */
    public static boolean isUi(String path) {
        return path.equals("/ui") || path.startsWith("/ui/");
    }

    public boolean isOpen(String path) {
        if (openExact.contains(path) || WORKFLOW_CALLBACK.matcher(path).matches()) {
            return true;
        }
        for (String prefix : openPrefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
