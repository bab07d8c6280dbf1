package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;

import java.util.function.Supplier;

/**
 * An {@link Aggregate} made of a name, a result type and an accumulator factory, optionally wrapped for
 * DISTINCT.
 * <p>
 * <b>Note:</b> immutable, safe to share between threads.
 */
final class SimpleAggregate implements Aggregate
{
    private final String name;
    private final ColumnType resultType;
    private final boolean distinct;
    private final Supplier<Accumulator> factory;

    SimpleAggregate(
        final String name, final ColumnType resultType, final boolean distinct, final Supplier<Accumulator> factory)
    {
        this.name = name;
        this.resultType = resultType;
        this.distinct = distinct;
        this.factory = factory;
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public ColumnType resultType()
    {
        return resultType;
    }

    @Override
    public Accumulator newAccumulator()
    {
        final Accumulator accumulator = factory.get();
        return distinct ? new Accumulators.Distinct(accumulator) : accumulator;
    }

    @Override
    public String toString()
    {
        return name + (distinct ? "(DISTINCT) -> " : " -> ") + resultType;
    }
}
