/**
 * Binding and planning: the {@link io.phantomdb.sql.plan.Binder} turns the syntax tree into typed
 * {@link io.phantomdb.sql.plan.BoundExpr}essions and {@link io.phantomdb.sql.plan.LogicalPlan}s resolved
 * against the catalog; the {@link io.phantomdb.sql.plan.Optimizer} rewrites them (constant folding,
 * predicate pushdown); the {@link io.phantomdb.sql.plan.PhysicalPlanner} picks access paths and join
 * algorithms and compiles expressions into {@link io.phantomdb.sql.exec.Evaluator}s.
 * <p>
 * Binding and planning run on the session's thread; the results are owned by one session's plan cache.
 */
package io.phantomdb.sql.plan;
