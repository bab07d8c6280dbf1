package io.phantomdb.sql.func;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.core.schema.TypeKind;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.value.TypeRules;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Resolves aggregate functions with PostgreSQL's result types:
 * <table>
 *   <caption>aggregates</caption>
 *   <tr><th>aggregate</th><th>argument</th><th>result</th></tr>
 *   <tr><td>count(*), count(x)</td><td>any</td><td>BIGINT</td></tr>
 *   <tr><td>sum</td><td>SMALLINT, INTEGER</td><td>BIGINT</td></tr>
 *   <tr><td>sum</td><td>BIGINT, NUMERIC</td><td>NUMERIC</td></tr>
 *   <tr><td>sum</td><td>REAL / DOUBLE PRECISION</td><td>REAL / DOUBLE PRECISION</td></tr>
 *   <tr><td>avg</td><td>integers, NUMERIC</td><td>NUMERIC (PostgreSQL's division scale)</td></tr>
 *   <tr><td>avg</td><td>REAL, DOUBLE PRECISION</td><td>DOUBLE PRECISION</td></tr>
 *   <tr><td>min, max</td><td>any comparable type</td><td>the argument type</td></tr>
 *   <tr><td>bool_and, bool_or, every</td><td>BOOLEAN</td><td>BOOLEAN</td></tr>
 *   <tr><td>string_agg(x, delimiter)</td><td>text, text</td><td>TEXT</td></tr>
 * </table>
 * DISTINCT keeps the values seen in a hash set with {@link io.phantomdb.sql.value.Values#equal} semantics.
 * <p>
 * <b>Note:</b> stateless, safe to use from any thread.
 */
public final class AggregateFunctions
{
    private AggregateFunctions()
    {
    }

    /**
     * @param name the aggregate name, any case.
     * @return true if an aggregate of that name exists (so the binder can tell aggregates from scalar calls).
     */
    public static boolean isAggregate(final String name)
    {
        switch (name.toLowerCase(Locale.ROOT))
        {
            case "count":
            case "sum":
            case "avg":
            case "min":
            case "max":
            case "bool_and":
            case "bool_or":
            case "every":
            case "string_agg":
                return true;
            default:
                return false;
        }
    }

    /**
     * @return {@code count(*)}: counts every row.
     */
    public static Aggregate countStar()
    {
        return new SimpleAggregate("count", ColumnType.BIGINT, false, () -> new Accumulators.Count(true));
    }

    /**
     * Resolves a one-argument aggregate.
     *
     * @param name     the aggregate name, any case.
     * @param argType  the argument type, or null for unknown.
     * @param distinct true for {@code agg(DISTINCT x)}.
     * @return the aggregate.
     * @throws SqlException 42883 {@code function sum(text) does not exist}.
     */
    public static Aggregate resolve(final String name, final ColumnType argType, final boolean distinct)
    {
        return resolve(name, Collections.singletonList(argType), distinct);
    }

    /**
     * Resolves an aggregate by its argument types; an empty list is {@code count(*)}.
     *
     * @param name     the aggregate name, any case.
     * @param argTypes the argument types, null entries for unknown.
     * @param distinct true for {@code agg(DISTINCT ...)} (applies to the first argument).
     * @return the aggregate.
     * @throws SqlException 42883 {@code function sum(text) does not exist}.
     */
    public static Aggregate resolve(final String name, final List<ColumnType> argTypes, final boolean distinct)
    {
        final String lower = name.toLowerCase(Locale.ROOT);
        if (argTypes.isEmpty() && "count".equals(lower))
        {
            return countStar();
        }
        final Aggregate aggregate = argTypes.size() == 1 ? resolveOne(lower, argTypes.get(0), distinct) :
            resolveTwo(lower, argTypes, distinct);
        if (aggregate == null)
        {
            throw new SqlException(
                SqlState.UNDEFINED_FUNCTION, "function " + FunctionRegistry.signature(lower, argTypes) + " does not exist");
        }
        return aggregate;
    }

    private static Aggregate resolveTwo(final String name, final List<ColumnType> types, final boolean distinct)
    {
        if ("string_agg".equals(name) && types.size() == 2 && Args.isText(types.get(0)) && Args.isText(types.get(1)))
        {
            return new SimpleAggregate(name, ColumnType.TEXT, distinct, Accumulators.StringAgg::new);
        }
        return null;
    }

    private static Aggregate resolveOne(final String name, final ColumnType type, final boolean distinct)
    {
        final TypeKind kind = type == null ? null : type.kind();
        switch (name)
        {
            case "count":
                return new SimpleAggregate(name, ColumnType.BIGINT, distinct, () -> new Accumulators.Count(false));
            case "sum":
                if (kind == TypeKind.SMALLINT || kind == TypeKind.INTEGER)
                {
                    return new SimpleAggregate(name, ColumnType.BIGINT, distinct, Accumulators.SumLong::new);
                }
                if (kind == null || kind == TypeKind.BIGINT || kind == TypeKind.NUMERIC)
                {
                    return new SimpleAggregate(name, ColumnType.NUMERIC, distinct, Accumulators.SumDecimal::new);
                }
                if (kind == TypeKind.REAL)
                {
                    return new SimpleAggregate(name, ColumnType.REAL, distinct, Accumulators.SumFloat::new);
                }
                if (kind == TypeKind.DOUBLE_PRECISION)
                {
                    return new SimpleAggregate(name, ColumnType.DOUBLE_PRECISION, distinct, Accumulators.SumDouble::new);
                }
                return null;
            case "avg":
                if (kind == TypeKind.REAL || kind == TypeKind.DOUBLE_PRECISION)
                {
                    return new SimpleAggregate(name, ColumnType.DOUBLE_PRECISION, distinct, Accumulators.AvgDouble::new);
                }
                if (kind == null || TypeRules.isNumeric(type))
                {
                    return new SimpleAggregate(name, ColumnType.NUMERIC, distinct, Accumulators.AvgDecimal::new);
                }
                return null;
            case "min":
            case "max":
            {
                if (kind == TypeKind.JSON)
                {
                    return null;
                }
                final int sign = "max".equals(name) ? 1 : -1;
                final ColumnType result = type == null ? ColumnType.TEXT : type;
                return new SimpleAggregate(name, result, distinct, () -> new Accumulators.MinMax(sign));
            }
            case "bool_and":
            case "every":
                return kind == null || kind == TypeKind.BOOLEAN ?
                    new SimpleAggregate(name, ColumnType.BOOLEAN, distinct, () -> new Accumulators.Bool(true)) : null;
            case "bool_or":
                return kind == null || kind == TypeKind.BOOLEAN ?
                    new SimpleAggregate(name, ColumnType.BOOLEAN, distinct, () -> new Accumulators.Bool(false)) : null;
            default:
                return null;
        }
    }
}
