package io.phantomdb.sql.exec;

import io.phantomdb.core.table.RowCursor;

import java.util.List;

/**
 * Reads a table through a secondary index between inclusive key-prefix bounds (an equality lookup when
 * both bounds are the same values).
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class IndexScanOperator extends Operator
{
    private final String index;
    private final String table;
    private final TableColumns columns;
    private final KeyBounds bounds;
    private final boolean forward;
    private final Object[] row;
    private RowCursor cursor;
    private RowLocker locker;

    /**
     * @param index         the index name.
     * @param table         the table name (for EXPLAIN).
     * @param width         the table's column count.
     * @param columns       the columns to read.
     * @param bounds        the index key bounds.
     * @param forward       index order when true.
     * @param estimatedRows the planner's estimate.
     */
    public IndexScanOperator(
        final String index, final String table, final int width, final TableColumns columns,
        final KeyBounds bounds, final boolean forward, final double estimatedRows)
    {
        super(estimatedRows);
        this.index = index;
        this.table = table;
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
            cursor = ctx.tx().indexScan(index, bounds.from(), bounds.to(), forward);
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
        return row.length;
    }

    @Override
    public List<Operator> children()
    {
        return List.of();
    }

    @Override
    public String describe()
    {
        return "Index Scan using " + index + " on " + table + bounds.describe() + (forward ? "" : " backward");
    }
}
