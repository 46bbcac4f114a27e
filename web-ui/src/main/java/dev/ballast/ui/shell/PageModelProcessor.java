package dev.ballast.ui.shell;

import dev.ballast.core.identity.app.WebSessions;
import dev.ballast.core.identity.domain.Actor;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Puts the signed-in user ({@code me}) and the session's CSRF token ({@code csrf}) and the
 * {@link Formats} ({@code fmt}) into every page's model: the layout shows who is signed in with which role on every page, and every form
 * and htmx request carries the token without each controller remembering to add it.
 */
@Singleton
public class PageModelProcessor implements ViewModelProcessor<Map<String, Object>> {
    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        modelAndView.getModel().ifPresent(model -> {
            model.putIfAbsent("fmt", Formats.INSTANCE);
            request.getAttribute(Actor.REQUEST_ATTRIBUTE, Actor.class).ifPresent(actor -> model.putIfAbsent("me", actor));
            request.getAttribute(WebSessions.CSRF_ATTRIBUTE, String.class).ifPresent(token -> model.putIfAbsent("csrf", token));
        });
    }
}
