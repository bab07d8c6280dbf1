package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;

/**
 * An aggregate function resolved for an argument type by {@link AggregateFunctions#resolve}.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads; each {@link Accumulator} it makes belongs to
 * one thread at a time.
 */
public interface Aggregate
{
    /**
     * @return the aggregate's name, lower case.
     */
    String name();

    /**
     * @return the type of {@link Accumulator#result()}.
     */
    ColumnType resultType();

    /**
     * @return a new, empty accumulator (one per group); reuse it across groups with {@link Accumulator#reset()}.
     */
    Accumulator newAccumulator();
}
