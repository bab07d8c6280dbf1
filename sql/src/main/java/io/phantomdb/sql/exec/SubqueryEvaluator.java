package io.phantomdb.sql.exec;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a subquery expression by running its plan: a scalar value (21000 for more than one row),
 * EXISTS, or a quantified comparison (IN is {@code = ANY}) with three-valued results. An uncorrelated
 * subquery runs once per execution and its result is cached; a correlated one runs per outer row, which it
 * sees through its slot.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class SubqueryEvaluator implements Evaluator
{
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
     */
    public SubqueryEvaluator(
        final Kind kind, final Operator plan, final Evaluator operand, final Comparison comparison,
        final boolean equality, final boolean negated, final boolean correlated, final int slot,
        final ValueSemantics semantics)
    {
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
                    plan.open(ctx);
                    cachedValue = plan.next();
                    plan.close();
                    cachedExecution = ctx.execution();
                }
                return cachedValue;
            default:
                return quantified(row, ctx);
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
