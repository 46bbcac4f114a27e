package dev.ballast.platform.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Turns the API's JSON errors into HTML on the web UI's paths: a page load gets a readable error
 * page with a way back, an htmx request gets a short alert fragment that the page shows next to
 * the form that caused it. The status stays the same (403 stays 403), so scripts and tests see it.
 */
@ServerFilter("/ui/**")
public class UiErrorPages implements Ordered {

    /** Before authentication, so its answers (401, 403) pass through this filter too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }

    @ResponseFilter
    public void render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.getBody().orElse(null) instanceof ApiError error)) {
            return;
        }
        String message = escape(error.message());
        String html = request.getHeaders().contains("HX-Request")
                ? "<p class=\"form-error\" role=\"alert\">" + message + "</p>"
                : page(response.code(), escape(error.errorCode()), message);
        response.body(html).contentType(MediaType.TEXT_HTML_TYPE);
    }

    private static String page(int status, String code, String message) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + status + " · Ballast</title><link rel=\"stylesheet\" href=\"/ui/assets/ballast.css\"></head>"
                + "<body><main class=\"container error-page\"><h1>" + status + " " + code + "</h1>"
                + "<p role=\"alert\">" + message + "</p>"
                + "<p><a href=\"/ui/experiments\">Back to Ballast</a></p></main></body></html>";
    }

    /** Escapes text for HTML element content and quoted attributes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
