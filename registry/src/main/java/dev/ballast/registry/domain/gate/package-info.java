/**
 * Metric gates: the rules a model version's metrics must meet before it may take an alias.
 *
 * <p>A rule reads {@code metrics.r2 >= 0.75}, or compares to the version currently holding the
 * target alias, {@code metrics.rmse <= champion.metrics.rmse * 1.02}
 * ({@link dev.ballast.registry.domain.gate.GateRule} has the grammar). A model's rules form a
 * {@link dev.ballast.registry.domain.gate.GateRuleSet}; new models start from
 * {@link dev.ballast.registry.domain.gate.GateTemplates} for their
 * {@link dev.ballast.registry.domain.gate.TaskType}. The
 * {@link dev.ballast.registry.domain.gate.GateEvaluator} turns rules and metrics into a
 * {@link dev.ballast.registry.domain.gate.GateReport} of
 * {@link dev.ballast.registry.domain.gate.RuleResult}s, which the registry stores with the version
 * and shows on its card.
 *
 * <p>This package is pure domain code: no Micronaut, no database, no clock. Malformed rules are
 * refused with {@link dev.ballast.core.error.BallastException} ({@code INVALID_PARAMETER_VALUE})
 * naming the 0-based position and what was expected. Rules are stored as their canonical text,
 * which parses back to an equal rule; reports are records of strings, finite numbers and booleans
 * that any JSON mapper can write.
 */
package dev.ballast.registry.domain.gate;
