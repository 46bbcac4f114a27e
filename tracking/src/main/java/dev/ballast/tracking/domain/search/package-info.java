/**
 * MLflow's search language for runs and experiments, compiled to parameterised SQL.
 *
 * <p>One hand-written tokenizer ({@link dev.ballast.tracking.domain.search.FilterLexer}) and one
 * recursive-descent parser ({@link dev.ballast.tracking.domain.search.FilterParser}) read both
 * {@code filter} strings and {@code order_by} clauses. What an identifier such as
 * {@code metrics.rmse} or {@code attributes.status} may name is decided by a
 * {@link dev.ballast.tracking.domain.search.FieldResolver}: {@link dev.ballast.tracking.domain.search.RunFields}
 * for runs, {@link dev.ballast.tracking.domain.search.ExperimentFields} for experiments. The resolver is
 * a fixed whitelist, so the SQL only ever contains column names written in this package; every
 * value and every metric/param/tag key the user typed is a bind parameter.
 *
 * <p>The grammar is MLflow's (comparisons joined by {@code AND}) extended with {@code OR} and
 * parentheses; {@code AND} binds tighter than {@code OR}. Every malformed input is reported as a
 * {@link dev.ballast.core.error.BallastException} with {@code INVALID_PARAMETER_VALUE}, naming
 * the problem and its 0-based character position. The entry points are
 * {@link dev.ballast.tracking.domain.search.RunSearchQuery},
 * {@link dev.ballast.tracking.domain.search.ExperimentSearchQuery} and
 * {@link dev.ballast.tracking.domain.search.PageToken}; the generated SQL runs unchanged on H2
 * (PostgreSQL mode) and PostgreSQL.
 */
package dev.ballast.tracking.domain.search;
