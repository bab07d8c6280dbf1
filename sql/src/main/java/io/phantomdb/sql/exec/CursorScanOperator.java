package io.phantomdb.sql.exec;

import io.phantomdb.core.table.RowCursor;

import java.util.List;

/**
 * The common part of the scans that read rows through a core {@link RowCursor} between inclusive key-prefix
 * bounds: computing the bounds per open, copying the wanted columns into the reused row, checking for
 * interruption, and locking returned rows for SELECT ... FOR UPDATE. Subclasses say which cursor to open and
 * how EXPLAIN names them.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
abstract class CursorScanOperator extends Operator
{
    final String table;
    final KeyBounds bounds;
    final boolean forward;
    private final TableColumns columns;
    private final Object[] row;
    private RowCursor cursor;
    private RowLocker locker;

    CursorScanOperator(
        final String table, final int width, final TableColumns columns, final KeyBounds bounds,
        final boolean forward, final double estimatedRows)
    {
        super(estimatedRows);
        this.table = table;
        this.columns = columns;
        this.bounds = bounds;
        this.forward = forward;
        this.row = new Object[width];
    }

    /**
     * Opens the cursor over the computed bounds.
     *
     * @return the cursor.
     */
    abstract RowCursor openCursor();

    @Override
    protected final void doOpen()
    {
        cursor = null;
        if (bounds.compute(null, ctx))
        {
            cursor = openCursor();
        }
    }

    @Override
    protected final boolean doNext()
    {
        if (null == cursor)
        {
            return false;
        }
        ctx.checkInterrupt();
        if (!cursor.next())
        {
            cursor = null;
            return false;
        }
        columns.copy(cursor.row(), row);
        if (null != locker)
        {
            locker.lock(ctx, row);
        }
        return true;
    }

    /**
     * Locks every row returned (SELECT ... FOR UPDATE).
     *
     * @param rowLocker locks a row's primary key.
     * @return this operator.
     */
    public final Operator lockRows(final RowLocker rowLocker)
    {
        this.locker = rowLocker;
        return this;
    }

    @Override
    public final void close()
    {
        cursor = null;
    }

    @Override
    public final Object[] row()
    {
        return row;
    }

    @Override
    public final int width()
    {
        return row.length;
    }

    @Override
    public final List<Operator> children()
    {
        return List.of();
    }
}
