package io.phantomdb.sql.exec;

import io.phantomdb.core.table.RowCursor;

import java.util.List;

/**
 * Reads a table in primary key order, optionally between inclusive key-prefix bounds.
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class TableScanOperator extends Operator
{
    private final String table;
    private final int width;
    private final TableColumns columns;
    private final KeyBounds bounds;
    private final boolean forward;
    private final Object[] row;
    private RowCursor cursor;
    private RowLocker locker;

    /**
     * @param table         the table name.
     * @param width         the table's column count.
     * @param columns       the columns to read.
     * @param bounds        key-prefix bounds, or {@link KeyBounds#NONE}.
     * @param forward       ascending key order when true.
     * @param estimatedRows the planner's estimate.
     */
    public TableScanOperator(
        final String table, final int width, final TableColumns columns, final KeyBounds bounds,
        final boolean forward, final double estimatedRows)
    {
        super(estimatedRows);
        this.table = table;
        this.width = width;
        this.columns = columns;
        this.bounds = bounds;
        this.forward = forward;
        this.row = new Object[width];
    }

    @Override
    protected void doOpen()
    {
        cursor = null;
        if (bounds.compute(null, ctx))
        {
            cursor = ctx.tx().scan(table, bounds.from(), bounds.to(), forward);
        }
    }

    @Override
    protected boolean doNext()
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
    public Operator lockRows(final RowLocker rowLocker)
    {
        this.locker = rowLocker;
        return this;
    }

    @Override
    public void close()
    {
        cursor = null;
    }

    @Override
    public Object[] row()
    {
        return row;
    }

    @Override
    public int width()
    {
        return width;
    }

    @Override
    public List<Operator> children()
    {
        return List.of();
    }

    @Override
    public String describe()
    {
        return (bounds.isNone() ? "Seq Scan on " : "Primary Key Range Scan on ") + table + bounds.describe() +
            (forward ? "" : " backward");
    }
}
