package io.phantomdb.sql.exec;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a subquery expression by running its plan: a scalar value (21000 for more than one row),
 * EXISTS, or a quantified comparison (IN is {@code = ANY}) with three-valued results. An uncorrelated
 * subquery runs once per execution and its result is cached; a correlated one runs per outer row, which it
 * sees through its slot, and a correlated scalar or EXISTS subquery that reads only given columns of the outer
 * row remembers its result per distinct value of those columns (up to 10,000 per execution).
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class SubqueryEvaluator implements Evaluator
{
    private static final int MEMO_LIMIT = 10_000;

    /** What the subquery computes. */
    public enum Kind
    {
        /** A scalar value. */
        SCALAR,
        /** Whether a row exists. */
        EXISTS,
        /** {@code op ANY}. */
        ANY,
        /** {@code op ALL}. */
        ALL
    }

    /** Compares the operand with one subquery value; null for unknown. */
    @FunctionalInterface
    public interface Comparison
    {
        /**
         * @param operand the left operand (not null).
         * @param value   a subquery value (not null).
         * @return the comparison's truth value.
         */
        Boolean test(Object operand, Object value);
    }

    private final Kind kind;
    private final Operator plan;
    private final Evaluator operand;
    private final Comparison comparison;
    private final boolean equality;
    private final boolean negated;
    private final boolean correlated;
    private final int slot;
    private final ValueSemantics semantics;
    private final int[] memoKey;
    private final Map<GroupKey, Object> memo = new HashMap<>();
    private long memoExecution = -1;
    private long cachedExecution = -1;
    private Object cachedValue;
    private List<Object> cachedValues;
    private Set<GroupKey> cachedSet;
    private boolean cachedHasNull;

    /**
     * @param kind       what it computes.
     * @param plan       the subquery's operator tree.
     * @param operand    the left operand of ANY/ALL, or null.
     * @param comparison the comparison of ANY/ALL, or null.
     * @param equality   whether the comparison is {@code =} (a hash set is used).
     * @param negated    NOT IN / NOT EXISTS.
     * @param correlated whether it reads the enclosing row.
     * @param slot       the enclosing row's slot.
     * @param semantics  value equality for the hash set.
     * @param memoKey    for a correlated scalar/EXISTS subquery, the outer row positions its result depends on
     *                   (results are remembered per distinct key), or null to run it for every outer row.
     */
    public SubqueryEvaluator(
        final Kind kind, final Operator plan, final Evaluator operand, final Comparison comparison,
        final boolean equality, final boolean negated, final boolean correlated, final int slot,
        final ValueSemantics semantics, final int[] memoKey)
    {
        this.memoKey = null == memoKey ? null : memoKey.clone();
        this.kind = kind;
        this.plan = plan;
        this.operand = operand;
        this.comparison = comparison;
        this.equality = equality;
        this.negated = negated;
        this.correlated = correlated;
        this.slot = slot;
        this.semantics = semantics;
    }

    /**
     * @return the subquery's operator tree (for EXPLAIN).
     */
    public Operator plan()
    {
        return plan;
    }

    @Override
    public Object eval(final Object[] row, final ExecContext ctx)
    {
        return negated ? not(compute(row, ctx)) : compute(row, ctx);
    }

    private static Object not(final Object value)
    {
        return null == value ? null : !((Boolean)value);
    }

    private Object compute(final Object[] row, final ExecContext ctx)
    {
        if (null != memoKey)
        {
            if (memoExecution != ctx.execution())
            {
                memo.clear();
                memoExecution = ctx.execution();
            }
            final Object[] values = new Object[memoKey.length];
            for (int i = 0; i < values.length; i++)
            {
                values[i] = row[memoKey[i]];
            }
            final GroupKey key = new GroupKey(values, semantics);
            if (memo.containsKey(key))
            {
                return memo.get(key);
            }
            ctx.setOuter(slot, row);
            final Object value = kind == Kind.SCALAR ? scalar(ctx) : exists(ctx);
            if (memo.size() < MEMO_LIMIT)
            {
                memo.put(key, value);
            }
            return value;
        }
        if (correlated)
        {
            ctx.setOuter(slot, row);
        }
        switch (kind)
        {
            case SCALAR:
                if (correlated || cachedExecution != ctx.execution())
                {
                    cachedValue = scalar(ctx);
                    cachedExecution = ctx.execution();
                }
                return cachedValue;
            case EXISTS:
                if (correlated || cachedExecution != ctx.execution())
                {
                    cachedValue = exists(ctx);
                    cachedExecution = ctx.execution();
                }
                return cachedValue;
            default:
                return quantified(row, ctx);
        }
    }

    private Object exists(final ExecContext ctx)
    {
        plan.open(ctx);
        try
        {
            return plan.next();
        }
        finally
        {
            plan.close();
        }
    }

    private Object scalar(final ExecContext ctx)
    {
        plan.open(ctx);
        try
        {
            if (!plan.next())
            {
                return null;
            }
            final Object value = plan.row()[0];
            if (plan.next())
            {
                throw new SqlException(SqlState.CARDINALITY_VIOLATION, "more than one row returned by a subquery used as an expression");
            }
            return value;
        }
        finally
        {
            plan.close();
        }
    }

    private Object quantified(final Object[] row, final ExecContext ctx)
    {
        final Object left = operand.eval(row, ctx);
        if (correlated || cachedExecution != ctx.execution())
        {
            cachedValues = new ArrayList<>();
            cachedSet = equality && kind == Kind.ANY && !correlated ? new HashSet<>() : null;
            cachedHasNull = false;
            plan.open(ctx);
            while (plan.next())
            {
                ctx.checkInterrupt();
                final Object value = plan.row()[0];
                if (null == value)
                {
                    cachedHasNull = true;
                }
                else if (null != cachedSet)
                {
                    cachedSet.add(new GroupKey(new Object[]{value}, semantics));
                }
                else
                {
                    cachedValues.add(value);
                }
            }
            plan.close();
            cachedExecution = ctx.execution();
        }
        final boolean empty = cachedValues.isEmpty() && !cachedHasNull && (null == cachedSet || cachedSet.isEmpty());
        if (empty)
        {
            return kind == Kind.ALL;
        }
        if (null == left)
        {
            return null;
        }
        if (null != cachedSet)
        {
            if (cachedSet.contains(new GroupKey(new Object[]{left}, semantics)))
            {
                return Boolean.TRUE;
            }
            return cachedHasNull ? null : Boolean.FALSE;
        }
        boolean unknown = cachedHasNull;
        for (final Object value : cachedValues)
        {
            final Boolean result = comparison.test(left, value);
            if (null == result)
            {
                unknown = true;
            }
            else if (kind == Kind.ANY && result)
            {
                return Boolean.TRUE;
            }
            else if (kind == Kind.ALL && !result)
            {
                return Boolean.FALSE;
            }
        }
        if (unknown)
        {
            return null;
        }
        return kind == Kind.ALL;
    }
}
