package dev.ballast.ui.shell;

import dev.ballast.core.identity.app.WebSessions;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.Optional;

/**
 * Sign-in and sign-out of the web UI. A successful sign-in sets the session cookie (HttpOnly,
 * SameSite=Lax, limited to {@code /ui}, Secure over HTTPS or when configured) and goes back to
 * the page that asked for it; a failed one shows the form again with the error next to it.
 */
@Hidden
@Controller("/ui")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignInController {
    static final String HOME = "/ui/experiments";
    private static final String COOKIE_PATH = "/ui";

    private final WebSessions sessions;
    private final boolean secureCookie;

    public SignInController(WebSessions sessions, @Value("${ballast.ui.secure-cookie:false}") boolean secureCookie) {
        this.sessions = sessions;
        this.secureCookie = secureCookie;
    }

    @Get
    public HttpResponse<?> home() {
        return HttpResponse.seeOther(URI.create(HOME));
    }

    @Get("/login")
    @View("login")
    public PageModel form(@QueryValue @Nullable String next) {
        return PageModel.of("login").with("next", SafeRedirect.target(next, HOME));
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Nullable @Body String body) {
        FormFields form = FormFields.parse(body);
        String username = form.get("username");
        String password = form.get("password");
        String next = form.get("next");
        String target = SafeRedirect.target(next, HOME);
        Optional<WebSessions.Opened> opened = sessions.signIn(username, password);
        if (opened.isEmpty()) {
            PageModel model = PageModel.of("login").with("next", target).with("username", username)
                    .with("error", "Wrong user name or password, or the account is disabled.");
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ModelAndView<>("login", model));
        }
        Cookie cookie = Cookie.of(WebSessions.COOKIE, opened.get().secret())
                .httpOnly(true).sameSite(SameSite.Lax).path(COOKIE_PATH)
                .secure(secureCookie || request.isSecure())
                .maxAge(opened.get().maxAge());
        return HttpResponse.seeOther(URI.create(target)).cookie(cookie);
    }

    @Post(value = "/logout", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    public HttpResponse<?> signOut(HttpRequest<?> request) {
        request.getCookies().findCookie(WebSessions.COOKIE).ifPresent(cookie -> sessions.signOut(cookie.getValue()));
        Cookie gone = Cookie.of(WebSessions.COOKIE, "").httpOnly(true).sameSite(SameSite.Lax).path(COOKIE_PATH).maxAge(0);
        return Htmx.redirect(request, "/ui/login").cookie(gone);
    }
}
