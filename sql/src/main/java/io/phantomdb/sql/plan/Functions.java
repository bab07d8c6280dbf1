package io.phantomdb.sql.plan;

import io.phantomdb.core.schema.ColumnType;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;
import io.phantomdb.sql.ast.Expression;
import io.phantomdb.sql.exec.AggregateState;
import io.phantomdb.sql.exec.Evaluator;
import io.phantomdb.sql.func.Accumulator;
import io.phantomdb.sql.func.Aggregate;
import io.phantomdb.sql.func.AggregateFunctions;
import io.phantomdb.sql.func.FunctionRegistry;
import io.phantomdb.sql.func.ScalarFunction;
import io.phantomdb.sql.value.Casts;
import io.phantomdb.sql.value.LikePattern;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The binder's and compiler's bridge to the value layer's functions ({@link FunctionRegistry},
 * {@link AggregateFunctions}): typing calls at bind time, compiling them into evaluators, creating aggregate
 * states, and LIKE.
 * <p>
 * <b>Note:</b> stateless.
 */
public final class Functions
{
    private Functions()
    {
    }

    /**
     * @param name a function name.
     * @return whether it names an aggregate.
     */
    public static boolean isAggregate(final String name)
    {
        return AggregateFunctions.isAggregate(name);
    }

    /**
     * Types a scalar call.
     *
     * @param name     the function name.
     * @param args     the bound arguments.
     * @param context  the statement's binding state (its function registry).
     * @param position the call's position.
     * @return the bound call.
     */
    public static BoundExpr bindScalar(final String name, final List<BoundExpr> args, final BindContext context,
        final int position)
    {
        final List<ColumnType> types = new ArrayList<>(args.size());
        for (final BoundExpr arg : args)
        {
            types.add(arg.type());
        }
        final ScalarFunction function = ExpressionBinder.at(position, () -> context.functions().resolve(name, types));
        return new BoundExpr.Call(name, args, function.returnType(), function.deterministic());
    }

    /**
     * Types an aggregate call.
     *
     * @param name     the aggregate name.
     * @param argument the argument, or null for {@code count(*)}.
     * @param distinct whether DISTINCT.
     * @param position the call's position.
     * @return the bound aggregate.
     */
    public static BoundExpr bindAggregate(final String name, final BoundExpr argument, final boolean distinct,
        final int position)
    {
        final Aggregate aggregate = resolve(name, argument, position);
        return new BoundExpr.Aggregate(name, argument, distinct, aggregate.resultType());
    }

    private static Aggregate resolve(final String name, final BoundExpr argument, final int position)
    {
        return ExpressionBinder.at(position, () -> null == argument ? AggregateFunctions.countStar() :
            AggregateFunctions.resolve(name, argument.type(), false));
    }

    /**
     * @param aggregate a bound aggregate.
     * @return creates a fresh state per group.
     */
    public static Supplier<AggregateState> aggregateStates(final BoundExpr.Aggregate aggregate)
    {
        final Aggregate resolved = resolve(aggregate.name(), aggregate.argument(), 0);
        return () ->
        {
            final Accumulator accumulator = resolved.newAccumulator();
            return new AggregateState()
            {
                @Override
                public void add(final Object value)
                {
                    accumulator.add(value);
                }

                @Override
                public Object result()
                {
                    return accumulator.result();
                }
            };
        };
    }

    /**
     * @param call      a bound call.
     * @param args      its compiled arguments.
     * @param functions the registry to resolve it in.
     * @return the call's evaluator (one reused argument array).
     */
    public static Evaluator compileCall(final BoundExpr.Call call, final Evaluator[] args, final FunctionRegistry functions)
    {
        final List<ColumnType> types = new ArrayList<>(call.args().size());
        for (final BoundExpr arg : call.args())
        {
            types.add(arg.type());
        }
        final ScalarFunction function = functions.resolve(call.name(), types);
        final Object[] values = new Object[args.length];
        return (row, ctx) ->
        {
            for (int i = 0; i < args.length; i++)
            {
                values[i] = args[i].eval(row, ctx);
            }
            return function.invoke(values);
        };
    }

    /**
     * {@code a ^ b} as a double.
     *
     * @param l the base.
     * @param r the exponent.
     * @return the evaluator.
     */
    public static Evaluator power(final Evaluator l, final Evaluator r)
    {
        return (row, ctx) ->
        {
            final Object a = l.eval(row, ctx);
            final Object b = r.eval(row, ctx);
            if (null == a || null == b)
            {
                return null;
            }
            return Math.pow(((Number)a).doubleValue(), ((Number)b).doubleValue());
        };
    }

    /**
     * LIKE / ILIKE by the value layer's {@link LikePattern}; the last pattern compiled is reused while the
     * pattern text and escape stay the same (a constant pattern compiles once).
     *
     * @param kind    LIKE, ILIKE or SIMILAR.
     * @param operand the string.
     * @param pattern the pattern.
     * @param escape  the escape, or null.
     * @param negated whether NOT.
     * @return the evaluator.
     */
    public static Evaluator like(final Expression.LikeKind kind, final Evaluator operand, final Evaluator pattern,
        final Evaluator escape, final boolean negated)
    {
        if (kind == Expression.LikeKind.SIMILAR)
        {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "SIMILAR TO is not supported");
        }
        final boolean insensitive = kind == Expression.LikeKind.ILIKE;
        final Object[] cache = new Object[3];
        return (row, ctx) ->
        {
            final Object text = operand.eval(row, ctx);
            final Object p = pattern.eval(row, ctx);
            final Object e = null == escape ? "\\" : escape.eval(row, ctx);
            if (null == text || null == p || null == e)
            {
                return null;
            }
            if (!p.equals(cache[0]) || !e.equals(cache[1]))
            {
                cache[0] = p;
                cache[1] = e;
                cache[2] = LikePattern.compile(Casts.toText(p), (String)e, insensitive);
            }
            return ((LikePattern)cache[2]).matches(Casts.toText(text)) != negated;
        };
    }
}
