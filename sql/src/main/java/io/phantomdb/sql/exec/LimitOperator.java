package io.phantomdb.sql.exec;

import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

import java.util.List;

/**
 * Skips OFFSET rows, then passes at most LIMIT rows.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class LimitOperator extends Operator
{
    private final Operator input;
    private final Evaluator limit;
    private final Evaluator offset;
    private long remaining;
    private long skip;

    /**
     * @param input         the input.
     * @param limit         the LIMIT expression, or null for none.
     * @param offset        the OFFSET expression, or null for none.
     * @param estimatedRows the planner's estimate.
     */
    public LimitOperator(final Operator input, final Evaluator limit, final Evaluator offset, final double estimatedRows)
    {
        super(estimatedRows);
        this.input = input;
        this.limit = limit;
        this.offset = offset;
    }

    @Override
    protected void doOpen()
    {
        remaining = null == limit ? Long.MAX_VALUE : count(limit, "LIMIT", Long.MAX_VALUE);
        skip = null == offset ? 0 : count(offset, "OFFSET", 0);
        input.open(ctx);
    }

    private long count(final Evaluator evaluator, final String what, final long whenNull)
    {
        final Object value = evaluator.eval(null, ctx);
        if (null == value)
        {
            return whenNull;
        }
        if (!(value instanceof Number))
        {
            throw new SqlException(SqlState.DATATYPE_MISMATCH, "argument of " + what + " must be a number: " + value);
        }
        final long n = ((Number)value).longValue();
        if (n < 0)
        {
            throw new SqlException("LIMIT".equals(what) ? "2201W" : "2201X", what + " must not be negative");
        }
        return n;
    }

    @Override
    protected boolean doNext()
    {
        while (skip > 0)
        {
            if (!input.next())
            {
                skip = 0;
                remaining = 0;
                return false;
            }
            skip--;
        }
        if (remaining <= 0)
        {
            return false;
        }
        if (!input.next())
        {
            remaining = 0;
            return false;
        }
        remaining--;
        return true;
    }

    @Override
    public Object[] row()
    {
        return input.row();
    }

    @Override
    public int width()
    {
        return input.width();
    }

    @Override
    public List<Operator> children()
    {
        return List.of(input);
    }

    @Override
    public String describe()
    {
        return "Limit";
    }
}
