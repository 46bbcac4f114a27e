package dev.ballast.ui.shell;

import java.util.LinkedHashMap;

/**
 * The model of one page: which section of the navigation it belongs to plus whatever the page
 * shows. {@link PageModelProcessor} adds the signed-in user and the CSRF token to every one, so
 * controllers only put what is particular to their page.
 */
public final class PageModel extends LinkedHashMap<String, Object> {

    private PageModel(String section) {
        put("section", section);
    }

    /** A model for a page of {@code section} (experiments, datasets, models, promotions, serving, drift, audit). */
    public static PageModel of(String section) {
        return new PageModel(section);
    }

    public PageModel with(String key, Object value) {
        put(key, value);
        return this;
    }
}
