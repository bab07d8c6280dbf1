package io.phantomdb.sql.exec;

import java.util.function.Supplier;

/**
 * One aggregate of a query, compiled: its argument, whether it is DISTINCT, and how to start its state.
 * <p>
 * <b>Note:</b> immutable; its states belong to the executing thread.
 *
 * @param argument the compiled argument, or null for {@code COUNT(*)}.
 * @param distinct whether duplicates are ignored.
 * @param states   creates a fresh state per group.
 * @param text     the call's text for EXPLAIN.
 */
public record AggregateCall(Evaluator argument, boolean distinct, Supplier<AggregateState> states, String text)
{
}
