package dev.ballast.tracking.domain.search;

import java.util.Objects;

/** One parsed {@code order_by} clause, such as {@code metrics.rmse DESC}. */
public record OrderTerm(Field field, boolean ascending) {
    public OrderTerm {
        Objects.requireNonNull(field, "field");
    }

    public String direction() {
        return ascending ? "ASC" : "DESC";
    }
}
