package dev.ballast.ui.shell;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

import java.net.URI;

/**
 * Answers for the UI's form posts, which come from htmx: htmx follows a redirect by loading it
 * inside the page, so it is told to navigate with {@code HX-Redirect} instead; a plain request
 * gets the usual 303.
 */
public final class Htmx {

    private Htmx() {
    }

    public static boolean isHtmx(HttpRequest<?> request) {
        return request.getHeaders().contains("HX-Request");
    }

    /** Sends the browser to {@code location} after a successful post. */
    public static MutableHttpResponse<?> redirect(HttpRequest<?> request, String location) {
        return isHtmx(request) ? HttpResponse.ok().header("HX-Redirect", location) : HttpResponse.seeOther(URI.create(location));
    }
}
