package io.phantomdb.sql.func;

import io.phantomdb.sql.SqlException;

/**
 * The running state of one aggregate over one group.
 * <p>
 * Values are passed in the Java class of the argument type given to {@link AggregateFunctions#resolve};
 * NULL values are ignored, except by {@code count(*)}, which counts every call.
 * <p>
 * <b>Note:</b> not thread-safe: one thread (one operator instance) at a time.
 */
public interface Accumulator
{
    /**
     * Adds one row's argument value.
     *
     * @param value the value, or null.
     * @throws SqlException 22003 when a sum overflows its result type.
     */
    void add(Object value);

    /**
     * Adds one row's two argument values, for two-argument aggregates ({@code string_agg(value, delimiter)});
     * one-argument aggregates use only the first.
     *
     * @param value  the first argument, or null.
     * @param second the second argument, or null.
     */
    default void add(final Object value, final Object second)
    {
        add(value);
    }

    /**
     * @return the aggregate over the values added since creation or the last {@link #reset()}: 0 for an
     * empty {@code count}, null for every other aggregate over no values.
     */
    Object result();

    /**
     * Empties the accumulator for the next group.
     */
    void reset();
}
