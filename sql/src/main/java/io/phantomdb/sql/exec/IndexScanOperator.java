package io.phantomdb.sql.exec;

import io.phantomdb.core.table.RowCursor;

/**
 * Reads a table through a secondary index between inclusive key-prefix bounds (an equality lookup when
 * both bounds are the same values).
 * <p>
 * <b>Note:</b> confined to the statement's thread.
 */
public final class IndexScanOperator extends CursorScanOperator
{
    private final String index;

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
        super(table, width, columns, bounds, forward, estimatedRows);
        this.index = index;
    }

    @Override
    RowCursor openCursor()
    {
        return ctx.tx().indexScan(index, bounds.from(), bounds.to(), forward);
    }

    @Override
    public String describe()
    {
        return "Index Scan using " + index + " on " + table + bounds.describe() + (forward ? "" : " backward");
    }
}
