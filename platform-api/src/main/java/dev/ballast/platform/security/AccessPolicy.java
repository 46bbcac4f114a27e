package dev.ballast.platform.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Which paths answer without credentials. Everything else, including paths no route matches,
 * needs an authenticated caller, so an anonymous client learns nothing about what exists.
 */
@Singleton
public class AccessPolicy {
    private final List<String> openPrefixes;
    private final List<String> openExact;

    public AccessPolicy(@Value("${ballast.security.open-metrics:true}") boolean openMetrics) {
        this.openPrefixes = List.of("/health/", "/openapi/", "/swagger/");
        this.openExact = openMetrics
                ? List.of("/health", "/openapi", "/prometheus", "/favicon.ico")
                : List.of("/health", "/openapi", "/favicon.ico");
    }

    public boolean isOpen(String path) {
        if (openExact.contains(path)) {
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
