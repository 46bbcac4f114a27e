package dev.ballast.ui.shell;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders a page completely before the response starts. The stock renderer returns a
 * {@link Writable} that runs the template while the body is written, after the status line went
 * out: a template failing there left the browser waiting for an answer that never came. Pages are
 * small, so rendering into memory first costs nothing noticeable and lets a failure become a
 * normal 500 error page.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
public class EagerThymeleafRenderer<T> extends ThymeleafViewsRenderer<T> {

    public EagerThymeleafRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                                  ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        Writable lazy = super.render(viewName, data, request);
        StringWriter page = new StringWriter(8192);
        try {
            lazy.writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}
