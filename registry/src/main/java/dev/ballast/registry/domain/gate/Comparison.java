package dev.ballast.registry.domain.gate;

/**
 * The relation a gate rule requires between a metric and its threshold.
 *
 * <p>It exists so that the symbol a user types, the symbol written back in canonical text and the
 * test applied to the numbers are defined together and cannot drift apart. Comparisons are exact
 * IEEE-754 comparisons of finite doubles, with no tolerance: {@code 0.75 >= 0.75} holds and
 * {@code 0.10 < 0.10} does not.
 */
public enum Comparison {
    GREATER_OR_EQUAL(">=", "≥"),
    GREATER(">", ">"),
    LESS_OR_EQUAL("<=", "≤"),
    LESS("<", "<"),
    EQUAL("==", "="),
    NOT_EQUAL("!=", "≠");

    private final String symbol;
    private final String display;

    Comparison(String symbol, String display) {
        this.symbol = symbol;
        this.display = display;
    }

    /** The symbol in canonical rule text ({@code >=}); {@code =} is read as {@code ==}. */
    public String symbol() {
        return symbol;
    }

    /** The symbol for people ({@code ≥}), used in result details. */
    public String display() {
        return display;
    }

    /** Whether {@code value} stands in this relation to {@code threshold}; both must be finite. */
    public boolean holds(double value, double threshold) {
        return switch (this) {
            case GREATER_OR_EQUAL -> value >= threshold;
            case GREATER -> value > threshold;
            case LESS_OR_EQUAL -> value <= threshold;
            case LESS -> value < threshold;
            case EQUAL -> value == threshold;
            case NOT_EQUAL -> value != threshold;
        };
    }

    /** The comparison written with {@code symbol}, or null; accepts {@code =} for {@link #EQUAL}. */
    static Comparison fromSymbol(String symbol) {
        if (symbol.equals("=")) {
            return EQUAL;
        }
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        return null;
    }
}
