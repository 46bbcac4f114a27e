package dev.ballast.ui.registry;

/**
 * Quotes user text for the search filter grammar the registry shares with MLflow's API, so a
 * model name or a search term is always one string literal, never part of the expression.
 */
final class FilterText {
    private FilterText() {
    }

    /** For {@code = '...'}: quotes and backslashes escaped. */
    static String literal(String text) {
        return escape(text, false);
    }

    /** For {@code ILIKE '%...%'}: also the LIKE wildcards, so they match literally. */
    static String likeLiteral(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean like) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '\'' || c == '\\' || like && (c == '%' || c == '_')) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
