package dev.ballast.tracking.domain.search;

/**
 * The whitelist of what a search may name: it maps an identifier's prefix and key to a
 * {@link Field}, or refuses it. One implementation per searchable entity lets the single
 * {@link FilterParser} serve both run and experiment searches.
 */
public interface FieldResolver {
    /**
     * The field an identifier in a filter names.
     *
     * @param prefix the entity type before the first dot ({@code metrics}), or null for a bare
     *               identifier such as {@code status}
     * @param key    the key after the dot, unquoted, or the bare identifier
     */
    Field forFilter(String prefix, String key) throws UnknownFieldException;

    /** The field an {@code order_by} clause names (same arguments as {@link #forFilter}). */
    Field forOrderBy(String prefix, String key) throws UnknownFieldException;
}
