package io.phantomdb.sql.exec;

/**
 * Inclusive key-prefix bounds of a primary key or index scan, computed per execution from compiled
 * expressions (constants or parameters) and coerced to the key columns' classes. The arrays are reused.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class KeyBounds
{
    /** No bounds: a full scan. */
    public static final KeyBounds NONE = new KeyBounds(null, null, null, "");

    private final Evaluator[] fromEvaluators;
    private final Evaluator[] toEvaluators;
    private final ValueCoercer[] coercers;
    private final Object[] from;
    private final Object[] to;
    private final String description;

    /**
     * @param fromEvaluators the lower bound's parts, or null for none.
     * @param toEvaluators   the upper bound's parts, or null for none.
     * @param coercers       per key part, to the key column's class.
     * @param description    the bound text for EXPLAIN, for example {@code (id = $1)}.
     */
    public KeyBounds(
        final Evaluator[] fromEvaluators, final Evaluator[] toEvaluators, final ValueCoercer[] coercers,
        final String description)
    {
        this.fromEvaluators = fromEvaluators;
        this.toEvaluators = toEvaluators;
        this.coercers = coercers;
        this.from = null == fromEvaluators ? null : new Object[fromEvaluators.length];
        this.to = null == toEvaluators ? null : new Object[toEvaluators.length];
        this.description = description;
    }

    /**
     * Computes the bounds for this execution.
     *
     * @param row the outer row (for bounds that reference it), or null.
     * @param ctx the execution context.
     * @return false when a bound is NULL, so no row can match.
     */
    public boolean compute(final Object[] row, final ExecContext ctx)
    {
        return fill(fromEvaluators, from, row, ctx) && fill(toEvaluators, to, row, ctx);
    }

    private boolean fill(final Evaluator[] evaluators, final Object[] target, final Object[] row, final ExecContext ctx)
    {
        if (null == evaluators)
        {
            return true;
        }
        for (int i = 0; i < evaluators.length; i++)
        {
            final Object value = evaluators[i].eval(row, ctx);
            if (null == value)
            {
                return false;
            }
            target[i] = coercers[i].coerce(value);
        }
        return true;
    }

    /**
     * @return the computed lower bound, or null.
     */
    public Object[] from()
    {
        return from;
    }

    /**
     * @return the computed upper bound, or null.
     */
    public Object[] to()
    {
        return to;
    }

    /**
     * @return whether these are no bounds at all.
     */
    public boolean isNone()
    {
        return null == fromEvaluators && null == toEvaluators;
    }

    /**
     * @return the EXPLAIN text, starting with a space, or empty.
     */
    public String describe()
    {
        return description.isEmpty() ? "" : " " + description;
    }
}
