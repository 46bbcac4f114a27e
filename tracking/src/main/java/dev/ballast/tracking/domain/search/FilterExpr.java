package dev.ballast.tracking.domain.search;

import java.util.List;
import java.util.Objects;

/** A parsed filter: comparisons combined with AND and OR. Produced by {@link FilterParser}. */
public sealed interface FilterExpr permits FilterExpr.And, FilterExpr.Or, FilterExpr.Comparison {

    /** All of the parts hold. */
    record And(List<FilterExpr> parts) implements FilterExpr {
        public And {
            parts = List.copyOf(parts);
        }
    }

    /** At least one of the parts holds. */
    record Or(List<FilterExpr> parts) implements FilterExpr {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    /**
     * One {@code <identifier> <operator> <value>} test.
     *
     * @param field    what the identifier names
     * @param operator the comparison
     * @param values   the bind values: one for a plain comparison, one or more for IN / NOT IN;
     *                 each a {@link String}, {@link Long} or {@link Double} as the field's
     *                 {@link ValueType} demands
     * @param position 0-based offset of the identifier in the filter
     */
    record Comparison(Field field, Operator operator, List<Object> values, int position) implements FilterExpr {
        public Comparison {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            values = List.copyOf(values);
        }
    }
}
