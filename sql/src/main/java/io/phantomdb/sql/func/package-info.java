/**
 * SQL functions: scalar functions resolved by name and argument types
 * ({@link io.phantomdb.sql.func.FunctionRegistry}, {@link io.phantomdb.sql.func.ScalarFunction}) and
 * aggregates ({@link io.phantomdb.sql.func.AggregateFunctions}, {@link io.phantomdb.sql.func.Aggregate},
 * {@link io.phantomdb.sql.func.Accumulator}), with PostgreSQL's semantics. The time functions read the
 * transaction's time from an {@link io.phantomdb.sql.func.EvalContext} the executor supplies.
 * <p>
 * Registries and resolved functions are immutable and may be shared between threads; an
 * {@link io.phantomdb.sql.func.Accumulator} belongs to one thread (one operator instance) at a time.
 */
package io.phantomdb.sql.func;
