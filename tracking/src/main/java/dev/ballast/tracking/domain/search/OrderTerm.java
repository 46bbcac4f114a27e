package dev.ballast.tracking.domain.search;

import java.util.Objects;

/** One parsed {@code order_by} clause, such as {@code metrics.rmse DESC}. */
record OrderTerm(Field field, boolean ascending) {
    OrderTerm {
        Objects.requireNonNull(field, "field");
    }

    String direction() {
        return ascending ? "ASC" : "DESC";
    }
}
