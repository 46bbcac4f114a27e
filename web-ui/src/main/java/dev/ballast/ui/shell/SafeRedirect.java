package dev.ballast.ui.shell;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a sign-in may send the browser afterwards: only back to a page of the web UI on this
 * server, never to another site ({@code next=//evil.example} or {@code next=https://...}).
 */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    public static String target(String next, String fallback) {
        if (next == null || next.isBlank() || next.length() > 2000 || next.contains("\\")) {
            return fallback;
        }
        try {
            URI uri = new URI(next);
            String path = uri.getPath();
            if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null
                    || !(path.equals("/ui") || path.startsWith("/ui/")) || path.startsWith("/ui/login")) {
                return fallback;
            }
            return next;
        } catch (URISyntaxException e) {
            return fallback;
        }
    }
}
