package dev.ballast.ui.shell;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Browser hardening for every web UI response. The Content-Security-Policy allows scripts only
 * from Ballast itself (no inline script, no eval), so even a value that escaped escaping could
 * not run; pages pass chart data as JSON in non-executed script blocks. Framing is refused
 * (clickjacking of the approve button), and pages are not cached (they show live state); assets are, for an hour.
 */
@ServerFilter("/ui/**")
public class SecurityHeaders implements Ordered {

    /** Before authentication, so its answers (401, 403) pass through this filter too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @ResponseFilter
    public void harden(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
        if (!response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", request.getPath().startsWith("/ui/assets/") ? "public, max-age=3600" : "no-store");
        }
    }
}
