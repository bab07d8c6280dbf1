package io.phantomdb.sql.exec;

import java.util.List;

/**
 * A Volcano-style operator: {@link #open}, then {@link #next} until false, reading {@link #row()} after
 * each true, then {@link #close}. An operator may be opened again after close (a correlated subquery or
 * the inner side of a nested loop). The row array is reused: a consumer that keeps a row copies it.
 * <p>
 * Each operator counts its rows, loops and (when profiling) time for EXPLAIN ANALYZE.
 * <p>
 * <b>Note:</b> confined to the thread running the statement.
 */
public abstract class Operator
{
    private final double estimatedRows;
    private boolean profiling;
    private long rows;
    private long loops;
    private long nanos;

    /** The context of the running execution; set by {@link #open}. */
    protected ExecContext ctx;

    /**
     * @param estimatedRows the planner's row estimate, shown by EXPLAIN.
     */
    protected Operator(final double estimatedRows)
    {
        this.estimatedRows = estimatedRows;
    }

    /**
     * Starts (or restarts) the operator.
     *
     * @param context the execution context.
     */
    public final void open(final ExecContext context)
    {
        this.ctx = context;
        loops++;
        if (profiling)
        {
            final long start = System.nanoTime();
            doOpen();
            nanos += System.nanoTime() - start;
        }
        else
        {
            doOpen();
        }
    }

    /**
     * @return true when {@link #row()} holds the next row, false at the end.
     */
    public final boolean next()
    {
        final boolean more;
        if (profiling)
        {
            final long start = System.nanoTime();
            more = doNext();
            nanos += System.nanoTime() - start;
        }
        else
        {
            more = doNext();
        }
        if (more)
        {
            rows++;
        }
        return more;
    }

    /**
     * Releases what the operator holds; idempotent.
     */
    public void close()
    {
        for (final Operator child : children())
        {
            child.close();
        }
    }

    /**
     * @return the current row; valid until the next call to {@link #next()}.
     */
    public abstract Object[] row();

    /**
     * @return the number of columns of {@link #row()}.
     */
    public abstract int width();

    /**
     * @return the operator's inputs, for EXPLAIN.
     */
    public abstract List<Operator> children();

    /**
     * @return one line naming the operator and its arguments, for EXPLAIN.
     */
    public abstract String describe();

    /**
     * Starts the operator.
     */
    protected abstract void doOpen();

    /**
     * @return true when a row is ready.
     */
    protected abstract boolean doNext();

    /**
     * @return the planner's estimate of the rows this operator returns.
     */
    public final double estimatedRows()
    {
        return estimatedRows;
    }

    /**
     * Switches time measurement on for this operator and its inputs (EXPLAIN ANALYZE).
     */
    public final void enableProfiling()
    {
        profiling = true;
        for (final Operator child : children())
        {
            child.enableProfiling();
        }
    }

    /**
     * Zeroes the counters of this operator and its inputs.
     */
    public final void resetStatistics()
    {
        rows = 0;
        loops = 0;
        nanos = 0;
        for (final Operator child : children())
        {
            child.resetStatistics();
        }
    }

    /**
     * @return rows returned over all loops.
     */
    public final long actualRows()
    {
        return rows;
    }

    /**
     * @return how many times the operator was opened.
     */
    public final long loops()
    {
        return loops;
    }

    /**
     * @return the time spent inside the operator (its inputs included), in nanoseconds.
     */
    public final long nanos()
    {
        return nanos;
    }
}
