package io.phantomdb.sql.exec;

import io.phantomdb.core.table.Tx;
import io.phantomdb.sql.SqlException;
import io.phantomdb.sql.SqlState;

/**
 * What one statement execution reads besides its rows: the transaction, the parameter values, the outer
 * rows of correlated subqueries, and the cancel/timeout checks that operator loops call.
 * <p>
 * <b>Note:</b> confined to the session's thread, except {@link #cancel()}, which any thread may call.
 */
public final class ExecContext
{
    private static final int CHECK_MASK = 255;

    private Tx tx;
    private Object[] params = new Object[0];
    private Object[][] outer = new Object[4][];
    private volatile boolean cancelled;
    private long deadlineNanos;
    private int tick;
    private long execution;

    /**
     * Prepares the context for one execution.
     *
     * @param tx            the transaction the statement runs in.
     * @param params        the parameter values (already coerced).
     * @param timeoutMillis the statement timeout, 0 for none.
     */
    public void reset(final Tx tx, final Object[] params, final long timeoutMillis)
    {
        this.tx = tx;
        this.params = params;
        this.cancelled = false;
        this.deadlineNanos = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : 0;
        this.tick = 0;
        this.execution++;
    }

    /**
     * @return a number that changes with every {@link #reset}: caches of once-per-execution values (an
     * uncorrelated subquery's result) compare it.
     */
    public long execution()
    {
        return execution;
    }

    /**
     * @return the statement's transaction.
     */
    public Tx tx()
    {
        return tx;
    }

    /**
     * @param index 0-based parameter index.
     * @return the parameter's value.
     */
    public Object param(final int index)
    {
        return params[index];
    }

    /**
     * @param slot a correlated subquery's slot.
     * @return the outer row that subquery currently sees.
     */
    public Object[] outer(final int slot)
    {
        return outer[slot];
    }

    /**
     * Sets the outer row a correlated subquery sees.
     *
     * @param slot the subquery's slot.
     * @param row  the outer row.
     */
    public void setOuter(final int slot, final Object[] row)
    {
        if (slot >= outer.length)
        {
            final Object[][] bigger = new Object[Math.max(slot + 1, outer.length * 2)][];
            System.arraycopy(outer, 0, bigger, 0, outer.length);
            outer = bigger;
        }
        outer[slot] = row;
    }

    /**
     * Asks the running statement to stop; safe from any thread.
     */
    public void cancel()
    {
        cancelled = true;
    }

    /**
     * Called by operator loops: fails with 57014 when the statement was cancelled or ran past its timeout.
     * Cheap: looks at the clock only every 256 calls.
     */
    public void checkInterrupt()
    {
        if ((++tick & CHECK_MASK) != 0)
        {
            return;
        }
        checkNow();
    }

    /**
     * Fails with 57014 now if the statement was cancelled or ran past its timeout.
     */
    public void checkNow()
    {
        if (cancelled)
        {
            throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
        if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0)
        {
            throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout");
        }
    }
}
