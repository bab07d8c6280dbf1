/**
 * The executor: Volcano-style {@link io.phantomdb.sql.exec.Operator}s that pull rows through reused
 * {@code Object[]} buffers, and compiled {@link io.phantomdb.sql.exec.Evaluator}s for expressions.
 * <p>
 * Everything here is owned by the thread running the statement's session; nothing is shared between
 * sessions except immutable plan descriptions.
 */
package io.phantomdb.sql.exec;
