package dev.ballast.tracking.domain.search;

import java.util.Objects;
import java.util.Set;

/**
 * What a search identifier names once a {@link FieldResolver} has accepted it.
 *
 * @param kind      metric, param, tag, attribute or dataset
 * @param key       the metric/param/tag key as the user wrote it (bound as a parameter), or the
 *                  canonical attribute name
 * @param column    for attributes and datasets, the SQL column from the whitelist (for example
 *                  {@code r.start_time}); null for keyed kinds
 * @param valueType the type of literal the field is compared with
 * @param operators the operators the field supports
 * @param nullable  whether the column can be NULL (ordering puts NULLs last)
 */
public record Field(FieldKind kind, String key, String column, ValueType valueType, Set<Operator> operators, boolean nullable) {
    public Field {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(valueType, "valueType");
        operators = Set.copyOf(operators);
    }

    public static Field keyed(FieldKind kind, String key, ValueType type, Set<Operator> operators) {
        return new Field(kind, key, null, type, operators, true);
    }

    public static Field column(FieldKind kind, String name, String column, ValueType type, Set<Operator> operators, boolean nullable) {
        return new Field(kind, name, column, type, operators, nullable);
    }

    /** For messages: {@code metric 'rmse'}, {@code attribute 'status'}. */
    String describe() {
        return kind.label() + " '" + key + "'";
    }

    /** Whether two fields name the same thing (same kind and key, or same column). */
    boolean sameAs(Field other) {
        if (kind != other.kind) {
            return false;
        }
        return column != null ? column.equals(other.column) : key.equals(other.key);
    }
}
