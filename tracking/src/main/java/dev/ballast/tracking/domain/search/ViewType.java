package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;

import java.math.BigDecimal;

/**
 * Which lifecycle stages a search returns: MLflow's {@code ViewType}, accepted by name or by its
 * protobuf number because MLflow clients send either.
 */
public enum ViewType {
    ACTIVE_ONLY(1),
    DELETED_ONLY(2),
    ALL(3);

    private final int number;

    ViewType(int number) {
        this.number = number;
    }

    /** MLflow's protobuf number for this view type. */
    public int number() {
        return number;
    }

    /**
     * Reads a view type as a request carries it: a name in any case ({@code "active_only"}), a
     * number ({@code 1}, {@code 2}, {@code 3}) or a numeric string. Null or blank means
     * {@link #ACTIVE_ONLY}, MLflow's default.
     */
    public static ViewType parse(Object value) {
        if (value == null) {
            return ACTIVE_ONLY;
        }
        if (value instanceof ViewType v) {
            return v;
        }
        if (value instanceof Number n) {
            return byNumber(n, value);
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return ACTIVE_ONLY;
        }
        for (ViewType v : values()) {
            if (v.name().equalsIgnoreCase(text)) {
                return v;
            }
        }
        if (text.length() <= 20 && text.matches("[+-]?\\d+(\\.0*)?")) {
            return byNumber(new BigDecimal(text), value);
        }
        throw invalid(value);
    }

    private static ViewType byNumber(Number n, Object original) {
        BigDecimal d;
        try {
            d = new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            throw invalid(original);
        }
        for (ViewType v : values()) {
            if (d.compareTo(BigDecimal.valueOf(v.number)) == 0) {
                return v;
            }
        }
        throw invalid(original);
    }

    private static BallastException invalid(Object value) {
        String shown = String.valueOf(value);
        if (shown.length() > 100) {
            shown = shown.substring(0, 100) + "...";
        }
        return BallastException.invalid("Invalid view type '" + shown + "'. Expected one of ACTIVE_ONLY, DELETED_ONLY, ALL "
                + "(or 1, 2, 3).");
    }

    /** The SQL condition on a {@code lifecycle_stage} column, or null when every stage matches. */
    String lifecycleCondition(String column) {
        return switch (this) {
            case ACTIVE_ONLY -> column + " = 'active'";
            case DELETED_ONLY -> column + " = 'deleted'";
            case ALL -> null;
        };
    }
}
