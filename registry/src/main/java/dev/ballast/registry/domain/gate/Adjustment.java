package dev.ballast.registry.domain.gate;

import java.util.Objects;

/**
 * The one arithmetic step applied to the champion's metric before comparing, as in
 * {@code champion.metrics.rmse * 1.02}.
 *
 * <p>It exists because "no worse than the champion" is rarely meant literally: a promotion
 * usually tolerates a small margin ({@code * 1.02}, {@code - 0.01}). One step covers those
 * margins; longer expressions are deliberately not part of the grammar, so every rule stays
 * readable on a model card.
 *
 * @param op      the operation
 * @param operand the finite number on its right; never zero for {@link Op#DIVIDE}
 */
public record Adjustment(Op op, double operand) {

    /** The arithmetic operations a rule may apply to the champion's value. */
    public enum Op {
        MULTIPLY("*", "×"),
        DIVIDE("/", "÷"),
        ADD("+", "+"),
        SUBTRACT("-", "−");

        private final String symbol;
        private final String display;

        Op(String symbol, String display) {
            this.symbol = symbol;
            this.display = display;
        }

        /** The symbol in canonical rule text. */
        public String symbol() {
            return symbol;
        }

        /** The symbol for people, used in result details. */
        public String display() {
            return display;
        }

        static Op fromSymbol(char c) {
            for (Op op : values()) {
                if (op.symbol.charAt(0) == c) {
                    return op;
                }
            }
            return null;
        }
    }

    public Adjustment {
        Objects.requireNonNull(op, "op");
        if (!Double.isFinite(operand)) {
            throw new IllegalArgumentException("the operand must be finite: " + operand);
        }
        if (op == Op.DIVIDE && operand == 0.0) {
            throw new IllegalArgumentException("division by zero");
        }
    }

    /** The champion's value after this step (may overflow to infinity, which the evaluator reports). */
    public double apply(double value) {
        return switch (op) {
            case MULTIPLY -> value * operand;
            case DIVIDE -> value / operand;
            case ADD -> value + operand;
            case SUBTRACT -> value - operand;
        };
    }

    /** Canonical text, e.g. {@code * 1.02}. */
    String expression() {
        return op.symbol + " " + Numbers.format(operand);
    }
}
