package dev.ballast.bench;

/**
 * One line of the result: what Ballast achieved next to what the plain-JDBC baseline achieved on
 * the same data in the same run, and the acceptance target with its verdict. Values are kept as
 * display text because the benchmark, not the report, knows their units.
 *
 * @param measure    what was measured
 * @param ballast    Ballast's figure, through the HTTP API
 * @param baseline   the baseline's figure
 * @param comparison Ballast relative to the baseline (e.g. "41% of baseline", "2.3x baseline")
 * @param target     the acceptance target, or "-" when the issue sets none
 * @param verdict    whether the target was met
 */
public record Figure(String measure, String ballast, String baseline, String comparison, String target, Verdict verdict) {

    /** The outcome of checking a figure against its target. */
    public enum Verdict {
        PASS, FAIL, INFO,
        /** The target could not be checked because a figure it needs was not measured (the report says why). */
        NOT_MEASURED;

        public static Verdict of(boolean met) {
            return met ? PASS : FAIL;
        }

        public String label() {
            return switch (this) {
                case INFO -> "-";
                case NOT_MEASURED -> "n/a";
                default -> name();
            };
        }
    }

    /** A figure without a target, reported for context. */
    public static Figure info(String measure, String ballast, String baseline, String comparison) {
        return new Figure(measure, ballast, baseline, comparison, "-", Verdict.INFO);
    }
}
